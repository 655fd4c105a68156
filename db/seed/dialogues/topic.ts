import type { InboxKey, LabelKey, TeamKey } from '../catalog';
import type { AttachmentPlan } from '../types';

// A support topic: how a customer opens it, how the exchange goes, and how it ends. Each line lists
// variants; placeholders in braces are filled per conversation: {cliente} {agente} {pedido} {monto}
// {fecha} {guia} {factura} {ciudad} {plan} {mencion}. Exchanges have two variants that form two
// paths: a conversation follows variant 0 or variant 1 of every exchange, so answers match questions.
// Openings fit both paths.
export type Topic = {
  key: string;
  team: TeamKey | null;
  labels: LabelKey[];
  // About an order: the conversation gets order custom attributes.
  order: boolean;
  // Channels the topic comes through; all when absent.
  inboxes?: InboxKey[];
  subject: string;
  opening: string[];
  // Agent line, then the customer's answer; a conversation plays the first few.
  exchanges: Array<{ agent: string[]; contact: string[] }>;
  // A file one side sends: after the opening (sometimes), or right after that exchange's line.
  attachment?: { from: 'contact' | 'agent'; after: 'opening' | number; content: string | null; file: AttachmentPlan };
  // Private notes (B5); {mencion} makes it a mention.
  notes: string[];
  resolution: string[];
};

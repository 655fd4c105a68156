import type { Ctx } from '../context';
import { sendEmailReply } from '../email/send-email-reply';
import { nudgeWebhookDeliveries } from '../webhooks/nudge';
import { announceMessageToContact } from './api/contact-channel';

// After an agent's message has committed: it goes out on its channel (email inboxes mail it; the
// API inbox's integrations hear it through webhooks and its contact on their pubsub channel; the
// website widget through realtime) and
// the webhook deliveries written with it are sent. A delivery problem never fails the send: the
// message is stored and its status says what happened.
export const deliverAgentMessage = async (ctx: Ctx, messageId: number): Promise<void> => {
  nudgeWebhookDeliveries();
  await sendEmailReply(ctx, messageId).catch((error: unknown) => console.error(`email: sending message ${messageId} failed`, error));
  await announceMessageToContact(ctx, messageId);
};

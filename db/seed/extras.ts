import { validateFilter } from '@/lib/domain/conversations/filters/validate-filter';
import { cannedResponses, macros, savedViews } from '../schema';
import type { Tx } from '../client';
import type { DemoRefs } from './types';

// Canned responses, macros (M1) and saved views (V7). A saved view's filter goes through the schema the
// filter panel and the list use (validateFilter), so a seed cannot store a filter the list refuses.
export const writeExtras = async (tx: Tx, refs: DemoRefs, now: Date): Promise<void> => {
  const { accountId } = refs;
  const since = new Date(now.getTime() - 300 * 86_400_000);

  await tx.insert(cannedResponses).values(
    [
      ['saludo', '¡Hola! Gracias por escribirnos. ¿En qué te puedo ayudar?'],
      ['gracias', 'Gracias por tu paciencia. Si necesitas algo más, aquí estamos. ¡Que tengas buen día!'],
      ['envio', 'Los envíos nacionales tardan de 3 a 5 días hábiles. Con tu número de guía puedes rastrear el paquete en el sitio de la paquetería.'],
      ['factura', 'Para emitir tu factura necesito tu RFC, razón social, régimen fiscal, código postal fiscal y uso del CFDI.'],
      ['devolucion', 'Tienes 30 días naturales para devoluciones. El producto debe estar sin usar y con etiquetas; la guía de devolución es gratuita.'],
    ].map(([shortCode, content]) => ({ accountId, shortCode: shortCode!, content: content!, createdAt: since })),
  );

  // Actions follow Chatwoot's macro vocabulary; params carry ids, as the macro module expects them.
  await tx.insert(macros).values([
    {
      accountId,
      name: 'Resolver con agradecimiento',
      visibility: 'global',
      createdById: refs.users.laura,
      actions: [
        { action: 'send_message', params: { content: 'Gracias por contactarnos. Damos por resuelta tu solicitud; si necesitas algo más, responde a este mensaje.' } },
        { action: 'change_status', params: { status: 'resolved' } },
      ],
      createdAt: since,
      updatedAt: since,
    },
    {
      accountId,
      name: 'Escalar a facturación',
      visibility: 'global',
      createdById: refs.users.laura,
      actions: [
        { action: 'assign_team', params: { teamId: refs.teams.soporte } },
        { action: 'add_label', params: { labelIds: [refs.labels.facturacion] } },
        { action: 'change_priority', params: { priority: 'high' } },
        { action: 'add_private_note', params: { content: 'Escalado a facturación con la macro.' } },
      ],
      createdAt: since,
      updatedAt: since,
    },
    {
      accountId,
      name: 'Pedir datos del pedido',
      visibility: 'personal',
      createdById: refs.users.carlos,
      actions: [
        { action: 'send_message', params: { content: '¿Me compartes tu número de pedido (PED-XXXXXX) y el código postal de entrega, por favor?' } },
        { action: 'add_label', params: { labelIds: [refs.labels.envio] } },
        { action: 'snooze_conversation', params: { until: 'next_reply' } },
      ],
      createdAt: since,
      updatedAt: since,
    },
  ]);

  await tx.insert(savedViews).values([
    {
      accountId,
      userId: refs.users.laura,
      name: 'Urgentes',
      filter: validateFilter({ operator: 'and', conditions: [{ field: 'priority', op: 'equal', value: 'urgent' }] }),
      createdAt: since,
      updatedAt: since,
    },
    {
      accountId,
      userId: refs.users.carlos,
      name: 'Facturación abierta',
      filter: validateFilter({
        operator: 'and',
        conditions: [
          { field: 'status', op: 'equal', value: 'open' },
          { field: 'label', op: 'equal', value: refs.labels.facturacion },
        ],
      }),
      createdAt: since,
      updatedAt: since,
    },
  ]);
};

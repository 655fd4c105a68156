import { describe, expect, it } from 'vitest';
import { changeStatus } from '@/lib/domain/conversations/actions/change-status';
import { customerVisibleMessages } from '@/lib/domain/messages/customer-visible-messages';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { useTestDatabase } from '../../helpers/db';
import { createMessage } from '../../helpers/factories';
import { createMessagesWorkspace } from '../../helpers/messages-factories';

const database = useTestDatabase();

describe('customerVisibleMessages (B5: private notes never reach the customer)', () => {
  it('lists what the customer wrote and what was sent to them, oldest first; never private notes or activity', async () => {
    const { db } = database();
    const { ctx, conversation, teammate } = await createMessagesWorkspace(db, { name: 'Laura' });
    const sofia = await teammate({ name: 'Sofía' });
    const open = await conversation();
    const incoming = await createMessage(db, { conversationId: open.id, content: 'Mi pedido no llegó', createdAt: new Date(Date.now() - 60_000) });
    await sendMessage(ctx, { conversationId: open.id, content: `@[Sofía](user:${sofia.id}) el cliente es VIP, dale prioridad`, private: true });
    const reply = await sendMessage(ctx, { conversationId: open.id, content: 'Lo reviso ahora mismo', private: false });
    await changeStatus(ctx, { conversationId: open.id, status: 'resolved' });

    const visible = await customerVisibleMessages(db, open.id);

    expect(visible.map((message) => [message.id, message.messageType, message.senderName, message.content])).toEqual([
      [incoming.id, 'incoming', expect.any(String), 'Mi pedido no llegó'],
      [reply.id, 'outgoing', 'Laura', 'Lo reviso ahora mismo'],
    ]);
    expect(JSON.stringify(visible)).not.toContain('VIP');
  });

  it('is empty for a conversation with only notes', async () => {
    const { db } = database();
    const { ctx, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();
    await sendMessage(ctx, { conversationId: open.id, content: 'Solo para el equipo', private: true });

    expect(await customerVisibleMessages(db, open.id)).toEqual([]);
  });
});

import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { currentCommands, markWorkspaceReady, runShortcut, useShortcuts } from '@/components/keyboard/use-shortcuts';

const Workspace = ({ onBack }: { onBack: () => void }) => {
  useShortcuts('workspace', { back: onBack }, [{ id: 'help', label: 'Ayuda', run: () => undefined }]);
  return null;
};

const Conversation = ({ onBack }: { onBack: () => void }) => {
  useShortcuts('conversation', { back: onBack }, [{ id: 'reply', label: 'Responder', run: () => undefined }]);
  return <span hidden data-open-conversation="7" />;
};

// Both layers load after hydration, in whichever order their code arrives (lazy-dialogs.tsx).
describe('useShortcuts', () => {
  it('the conversation layer wins and comes first whichever mounted first; the page is ready once both answer', () => {
    const conversationBack = vi.fn();
    const workspaceBack = vi.fn();
    const conversation = render(<Conversation onBack={conversationBack} />);
    markWorkspaceReady();
    // The workspace's code is here and the open conversation's layer is mounted: ready.
    expect(document.documentElement.dataset.keyboard).toBe('ready');
    render(<Workspace onBack={workspaceBack} />);

    expect(currentCommands().map((command) => command.id)).toEqual(['reply', 'help']);
    expect(runShortcut('back')).toBe(true);
    expect(conversationBack).toHaveBeenCalledTimes(1);
    expect(workspaceBack).not.toHaveBeenCalled();

    conversation.unmount();
    expect(runShortcut('back')).toBe(true);
    expect(workspaceBack).toHaveBeenCalledTimes(1);
  });

  it('while a conversation is open, the page is not ready until its layer is mounted', () => {
    delete document.documentElement.dataset.keyboard;
    const marker = document.createElement('span');
    marker.dataset.openConversation = '8';
    document.body.append(marker);
    markWorkspaceReady();
    expect(document.documentElement.dataset.keyboard).toBeUndefined();
    render(<Conversation onBack={() => undefined} />);
    expect(document.documentElement.dataset.keyboard).toBe('ready');
    marker.remove();
  });
});

import { DomainError } from '../errors';
import { ZMacroActions, type TMacroAction } from './macro-schemas';

// A macro's steps, validated (ZMacroActions), or INVALID_INPUT on `actions` saying where: `step`
// (1-based) and `param` for a bad step, `reason: 'count'` for no steps or more than 20.
// send_attachment names a file of the macro's own (storeMacroFile), never a conversation's upload.
export const parseMacroActions = (raw: unknown): TMacroAction[] => {
  const parsed = ZMacroActions.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [index] = issue?.path ?? [];
    if (typeof index !== 'number') throw new DomainError('INVALID_INPUT', { field: 'actions', reason: 'count' });
    const param = issue.path.slice(1).filter((segment) => typeof segment === 'string').at(-1);
    throw new DomainError('INVALID_INPUT', { field: 'actions', step: index + 1, ...(param ? { param } : {}) });
  }
  return parsed.data;
};

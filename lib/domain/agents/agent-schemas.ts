import { z } from 'zod';
import { ZId } from '../conversations/actions/schemas';

// Zod schemas of agent administration (settings): invitations, roles, deactivation.

export const ZAgentRole = z.enum(['administrator', 'agent']);
export const ZAgentName = z.string().trim().min(1).max(100);
export const ZAgentEmail = z.string().trim().toLowerCase().pipe(z.email().max(320));
export const ZAgentId = ZId;

// How long a set-password link in an invitation works.
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const INVITATION_PURPOSE = 'invitation';

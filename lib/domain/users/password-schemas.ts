import { z } from 'zod';

// A new password: at least 8 characters (NIST SP 800-63B), at most 1024 (argon2 of a megabyte is
// a cheap way to burn our CPU; sign-in refuses longer ones too).
export const PASSWORD_MIN_LENGTH = 8;
export const ZNewPassword = z.string().min(PASSWORD_MIN_LENGTH).max(1024);

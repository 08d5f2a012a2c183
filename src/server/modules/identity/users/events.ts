import type { Lang } from '../../../kernel/errors.js';

declare module '../../../kernel/events.js' {
  interface DomainEvents {
    /** A person was invited (or invited again): they need an activation link. */
    'user.invited': {
      user: { id: string; email: string; name: string; locale: Lang };
      inviterName: string;
    };
    /** A person was deactivated: their sessions must end. */
    'user.deactivated': { userId: string };
  }
}

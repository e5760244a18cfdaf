import {
  checkEmail,
  checkUsername,
  isEmailLogin,
  normaliseLogin,
  type IdentityProblem,
} from '../../../../core/auth/identity';
import { t } from '../../../../core/i18n/translate';
import {
  checkPassword,
  normalisePassword,
  type PasswordProblem,
} from '../../../../core/auth/password-policy';
import { DomainError } from '../../../../core/errors/domain-error';
import { isUniqueViolation } from '../../db/dialect';
import type { LoginThrottleRepository } from '../../repositories/login-throttle.repository';
import type { SessionRepository, SessionWithUser } from '../../repositories/session.repository';
import type { UserRepository } from '../../repositories/user.repository';
import { addMinutes, type Clock } from '../clock';
import type { PasswordHasher } from './password-hasher';
import { hashToken, newId, newToken } from './tokens';

export interface PublicUser {
  id: string;
  email: string | null;
  username: string | null;
  createdAt: string;
}

export interface SignedIn {
  user: PublicUser;
  /** The raw session token for the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
}

export interface AuthSettings {
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
  throttleWindowMinutes: number;
  maxFailuresPerAccount: number;
  maxFailuresPerClient: number;
}

export interface AuthDependencies {
  users: UserRepository;
  sessions: SessionRepository;
  throttles: LoginThrottleRepository;
  hasher: PasswordHasher;
  isCommonPassword: (normalisedLowerCase: string) => boolean;
  settings: AuthSettings;
  clock: Clock;
}

/** How often a session's last-seen time is written: not on every request, to spare the disk. */
const TOUCH_INTERVAL_MS = 60_000;

/** Error messages come from the same i18n layer as the interface. */
function message(
  code: 'invalid_credentials' | 'account_exists' | PasswordProblem | IdentityProblem,
): string {
  return t(`api.${code}`);
}

export class AuthService {
  /** Verified against when an account does not exist, so both paths take the same time. */
  private decoyHash: Promise<string>;

  constructor(private readonly deps: AuthDependencies) {
    this.decoyHash = deps.hasher.hash(newToken());
  }

  async signUp(input: { email?: string; username?: string; password: string }): Promise<SignedIn> {
    const hasEmail = input.email !== undefined && input.email !== '';
    const hasUsername = input.username !== undefined && input.username !== '';
    if (hasEmail === hasUsername) {
      throw new DomainError(
        'invalid_request',
        'Please give either an email address or a made-up name.',
      );
    }
    const identityProblem = hasEmail
      ? checkEmail(input.email as string)
      : checkUsername(input.username as string);
    if (identityProblem) throw new DomainError(identityProblem, message(identityProblem));
    const passwordProblem = checkPassword(input.password, this.deps.isCommonPassword);
    if (passwordProblem) throw new DomainError(passwordProblem, message(passwordProblem));

    const now = this.deps.clock.now().toISOString();
    const user: PublicUser = {
      id: newId(),
      email: hasEmail ? normaliseLogin(input.email as string) : null,
      username: hasUsername ? normaliseLogin(input.username as string) : null,
      createdAt: now,
    };
    const passwordHash = await this.deps.hasher.hash(normalisePassword(input.password));
    try {
      await this.deps.users.create({ ...user, passwordHash });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError('account_exists', message('account_exists'));
      throw error;
    }
    return this.startSession(user);
  }

  /**
   * Signs in. The answer for a wrong password and for an unknown account is the same, in
   * body and (through the decoy hash) in time. Failures are counted per account and per
   * client address; over the limit, no password is checked at all until the window passes.
   */
  async signIn(input: {
    login: string;
    password: string;
    clientAddress: string;
  }): Promise<SignedIn> {
    const login = normaliseLogin(input.login);
    const accountKey = `account:${hashToken(login)}`;
    const clientKey = `client:${input.clientAddress}`;
    const { settings, throttles, clock } = this.deps;
    const now = clock.now();
    const windowCutoff = addMinutes(now, -settings.throttleWindowMinutes).toISOString();

    const states = await throttles.find([accountKey, clientKey]);
    for (const state of states) {
      const limit =
        state.key === accountKey ? settings.maxFailuresPerAccount : settings.maxFailuresPerClient;
      if (state.windowStartedAt > windowCutoff && state.failures >= limit) {
        const reopensAt = addMinutes(
          new Date(state.windowStartedAt),
          settings.throttleWindowMinutes,
        );
        const retryAfterSeconds = Math.max(
          1,
          Math.ceil((reopensAt.getTime() - now.getTime()) / 1000),
        );
        throw new DomainError(
          'too_many_attempts',
          t('api.too_many_attempts', { minutes: Math.ceil(retryAfterSeconds / 60) }),
          { retryAfterSeconds },
        );
      }
    }

    const user =
      login === '' ? null : await this.deps.users.findByLogin(login, isEmailLogin(login));
    const password = normalisePassword(input.password);
    const valid = user
      ? await this.deps.hasher.verify(user.passwordHash, password)
      : (await this.deps.hasher.verify(await this.decoyHash, password), false);

    if (!user || !valid) {
      const nowIso = now.toISOString();
      await throttles.recordFailure(accountKey, nowIso, windowCutoff);
      await throttles.recordFailure(clientKey, nowIso, windowCutoff);
      throw new DomainError('invalid_credentials', message('invalid_credentials'));
    }
    await throttles.clear(accountKey);
    return this.startSession({
      id: user.id,
      email: user.email,
      username: user.username,
      createdAt: user.createdAt,
    });
  }

  /** Checks a signed-in person's password again before something irreversible. */
  async confirmPassword(userId: string, password: string): Promise<void> {
    const user = await this.deps.users.findById(userId);
    const valid = user
      ? await this.deps.hasher.verify(user.passwordHash, normalisePassword(password))
      : false;
    if (!valid) {
      throw new DomainError('password_incorrect', t('api.password_incorrect'));
    }
  }

  /** Ends every session of a person (account deletion, a password change). */
  async endAllSessions(userId: string): Promise<void> {
    await this.deps.sessions.deleteForUser(userId);
  }

  /** Ends a session on the server; the cookie alone is then worthless. */
  async signOut(sessionId: string): Promise<void> {
    await this.deps.sessions.delete(sessionId);
  }

  /**
   * Finds the live session for a cookie token, enforcing the idle and absolute time-outs.
   * A timed-out session is deleted on sight.
   */
  async resolveSession(token: string): Promise<SessionWithUser | null> {
    if (token === '' || token.length > 200) return null;
    const session = await this.deps.sessions.findWithUser(hashToken(token));
    if (!session) return null;
    const now = this.deps.clock.now().getTime();
    const lastSeen = Date.parse(session.lastSeenAt);
    const idleLimit = this.deps.settings.idleTimeoutMinutes * 60_000;
    if (Date.parse(session.expiresAt) <= now || now - lastSeen >= idleLimit) {
      await this.deps.sessions.delete(session.id);
      return null;
    }
    if (now - lastSeen >= TOUCH_INTERVAL_MS) {
      const nowIso = new Date(now).toISOString();
      await this.deps.sessions.touch(session.id, nowIso);
      session.lastSeenAt = nowIso;
    }
    return session;
  }

  /** Housekeeping: drops timed-out sessions and expired throttle windows. */
  async purgeStale(): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.sessions.deleteStale(
      now.toISOString(),
      addMinutes(now, -this.deps.settings.idleTimeoutMinutes).toISOString(),
    );
    await this.deps.throttles.deleteOlderThan(
      addMinutes(now, -this.deps.settings.throttleWindowMinutes).toISOString(),
    );
  }

  /** Every sign-in gets a brand-new session id, so a planted cookie can never be promoted. */
  private async startSession(user: PublicUser): Promise<SignedIn> {
    const token = newToken();
    const csrfToken = newToken();
    const now = this.deps.clock.now();
    await this.deps.sessions.create({
      id: hashToken(token),
      userId: user.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: addMinutes(now, this.deps.settings.absoluteTimeoutHours * 60).toISOString(),
    });
    return { user, token, csrfToken };
  }
}

export function toPublicUser(session: SessionWithUser): PublicUser {
  return session.user;
}

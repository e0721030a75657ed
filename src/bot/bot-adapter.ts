import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Config } from '../config/config';

/** Settings of the Bot Framework channel authentication. */
export type BotAuthSettings = Pick<Config['bot'], 'appId' | 'appPassword' | 'appType' | 'appTenantId'>;

/**
 * The CloudAdapter with one extra entry point: an activity that the HTTP layer has already parsed
 * and validated is processed directly (JWT validation still happens here whenever an app id is
 * configured). Keeping this in one file is what makes a later move to the Microsoft 365 Agents SDK
 * touch `src/bot/` only.
 */
export class LotseAdapter extends CloudAdapter {
  constructor(readonly settings: BotAuthSettings) {
    super(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: settings.appId,
        MicrosoftAppPassword: settings.appPassword,
        MicrosoftAppType: settings.appType,
        MicrosoftAppTenantId: settings.appTenantId,
      }),
    );
  }

  /** Authenticates (when configured) and runs `logic` for one activity the HTTP layer validated. */
  processValidatedActivity(
    authHeader: string,
    activity: Readonly<Record<string, unknown>>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity as unknown as Activity, logic);
  }

  /** The app id for proactive calls: `''` in no-auth mode (undefined throws in botbuilder). */
  get proactiveAppId(): string {
    return this.settings.appId;
  }
}

/** True when the error is the channel's authentication rejecting the request (botframework-connector's AuthenticationError). */
export function isAuthenticationError(error: unknown): boolean {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return statusCode === 401 || statusCode === 403;
}

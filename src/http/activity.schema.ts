import { z } from 'zod';

/**
 * The minimum an incoming Bot Framework activity must carry before the adapter sees it. botbuilder
 * itself answers some malformed activities with a 500 (e.g. without `type`), so the HTTP layer
 * validates first and answers 400 with a clear message.
 */
export const IncomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(128),
    serviceUrl: z
      .string()
      .max(2048)
      .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'must be an http(s) URL'),
    conversation: z.looseObject({
      id: z.string().min(1).max(1024),
      tenantId: z.string().max(128).optional(),
      conversationType: z.string().max(64).optional(),
    }),
    from: z.looseObject({ id: z.string().min(1).max(1024) }),
    recipient: z.looseObject({ id: z.string().min(1).max(1024) }).optional(),
    text: z.string().optional(),
    locale: z.string().max(32).optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

export type IncomingActivity = z.infer<typeof IncomingActivitySchema>;

/** The Entra tenant the activity comes from, if it names one. */
export function tenantOf(activity: IncomingActivity): string | undefined {
  const fromChannelData = (activity.channelData?.tenant as { id?: unknown } | undefined)?.id;
  const tenant = activity.conversation.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
  return tenant?.toLowerCase();
}

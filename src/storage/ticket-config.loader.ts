import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError, ErrorCode } from '../domain/errors';
import type { AdvisorGroupsConfig } from '../domain/tickets/advisor-group';
import { WEEKDAYS, type SlaCalendarConfig } from '../domain/tickets/sla-calendar';
import type { SlaPolicyConfig } from '../domain/tickets/sla-policy';
import { TICKET_PRIORITIES } from '../domain/tickets/ticket';

const AdvisorGroupsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  defaultGroupId: z.string().min(1),
  groups: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
        name: z.string().trim().min(1).max(100),
        categories: z.array(z.string().trim().min(1)),
      }),
    )
    .min(1),
});

const period = z.strictObject({ start: z.string(), end: z.string() });

const targets = z.strictObject({ firstResponseHours: z.number().positive(), resolutionHours: z.number().positive() });

const ServiceLevelsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  timeZone: z.string().min(1),
  targets: z.record(z.enum(TICKET_PRIORITIES), targets),
  dueSoonFraction: z.number().min(0).max(1),
  weeklyHours: z.partialRecord(z.enum(WEEKDAYS), z.array(period)),
  holidays: z.array(z.strictObject({ date: z.string(), name: z.string().trim().min(1).max(100) })),
});

/** The service levels: the working calendar SLA times are counted in, and the targets per priority. */
export interface ServiceLevels {
  readonly calendar: SlaCalendarConfig;
  readonly policy: SlaPolicyConfig;
}

/**
 * Reads knowledge/service-levels.json (targets per priority in working hours, the advisors' working
 * hours, time zone and closed days); `SlaCalendar` and `SlaPolicy` check the values (CONFIG_INVALID).
 */
export function loadServiceLevelsFile(path: string): ServiceLevels {
  const file = parseJsonFile(path, ServiceLevelsFileSchema);
  return {
    calendar: { timeZone: file.timeZone, weeklyHours: file.weeklyHours, holidays: file.holidays.map((holiday) => holiday.date) },
    policy: { targets: file.targets, dueSoonFraction: file.dueSoonFraction },
  };
}

/**
 * Reads knowledge/advisor-groups.json (which advisor group handles which knowledge categories, and
 * the default group); throws AppError KNOWLEDGE_INVALID listing every problem.
 */
export function loadAdvisorGroupsFile(path: string): AdvisorGroupsConfig {
  const file = parseJsonFile(path, AdvisorGroupsFileSchema);
  return { defaultGroupId: file.defaultGroupId, groups: file.groups };
}

function parseJsonFile<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AppError(ErrorCode.KnowledgeInvalid, `cannot read ${path}`, { path }, { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new AppError(ErrorCode.KnowledgeInvalid, `${path} is invalid`, { path, problems });
  }
  return parsed.data;
}

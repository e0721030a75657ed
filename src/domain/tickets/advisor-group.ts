import { AppError, ErrorCode } from '../errors';
import type { OpaqueJson, PersonRef } from './ticket';

/** A team of the cooperation's advisors that handles the tickets of some knowledge categories. */
export interface AdvisorGroup {
  /** Stable id, stored on tickets (`Ticket.advisorGroup`), e.g. `datenschutz`. */
  readonly id: string;
  /** Display name, e.g. "Datenschutz und Informationssicherheit"; also what advisors type to register a channel. */
  readonly name: string;
  /** Knowledge categories (`FaqEntry.category`) routed to this group. */
  readonly categories: readonly string[];
}

/** The advisor groups (data in `knowledge/advisor-groups.json`) and which one is the default. */
export interface AdvisorGroupsConfig {
  readonly groups: readonly AdvisorGroup[];
  /** Gets every ticket whose category no group claims. */
  readonly defaultGroupId: string;
}

/**
 * The Teams channel where a group's tickets are posted. Lotse learns it when an advisor says
 * "@Lotse Tickets für <Gruppe> hier" in the channel; the conversation reference is what the bot
 * needs to start a new thread there (opaque to the domain).
 */
export interface AdvisorChannel {
  readonly groupId: string;
  readonly teamId: string;
  readonly channelId: string;
  readonly conversationReference: OpaqueJson;
  readonly registeredBy: PersonRef;
  readonly registeredAt: string;
}

/** Port: the registered advisor channels, one per group. */
export interface AdvisorChannelRepository {
  get(groupId: string): Promise<AdvisorChannel | null>;
  /** The group(s) registered for a channel (a channel may serve several groups). */
  listByChannel(channelId: string): Promise<AdvisorChannel[]>;
  /** Registers or moves the group's channel. */
  save(channel: AdvisorChannel): Promise<void>;
}

/** Routing of tickets to advisor groups by category, with a default group. */
export class AdvisorRouting {
  private readonly byId: ReadonlyMap<string, AdvisorGroup>;
  private readonly byCategory: ReadonlyMap<string, AdvisorGroup>;

  /** Throws `CONFIG_INVALID` for duplicate ids, a category in two groups or an unknown default. */
  constructor(private readonly config: AdvisorGroupsConfig) {
    const problems: string[] = [];
    const byId = new Map<string, AdvisorGroup>();
    const byCategory = new Map<string, AdvisorGroup>();
    for (const group of config.groups) {
      if (byId.has(group.id)) problems.push(`duplicate group id ${group.id}`);
      byId.set(group.id, group);
      for (const category of group.categories) {
        const key = foldName(category);
        const other = byCategory.get(key);
        if (other) problems.push(`category ${category} is routed to ${other.id} and ${group.id}`);
        byCategory.set(key, group);
      }
    }
    if (!byId.has(config.defaultGroupId)) problems.push(`default group ${config.defaultGroupId} is not defined`);
    if (problems.length > 0) throw new AppError(ErrorCode.ConfigInvalid, `Invalid advisor groups: ${problems.join('; ')}`, { problems });
    this.byId = byId;
    this.byCategory = byCategory;
  }

  get groups(): readonly AdvisorGroup[] {
    return this.config.groups;
  }

  get defaultGroup(): AdvisorGroup {
    return this.byId.get(this.config.defaultGroupId)!;
  }

  /** The group for a knowledge category; the default group for any other. */
  groupForCategory(category: string): AdvisorGroup {
    return this.byCategory.get(foldName(category)) ?? this.defaultGroup;
  }

  get(groupId: string): AdvisorGroup | undefined {
    return this.byId.get(groupId);
  }

  /** The group an advisor names ("Datenschutz", "datenschutz und informationssicherheit", the id). */
  findByName(text: string): AdvisorGroup | undefined {
    const wanted = foldName(text);
    if (wanted === '') return undefined;
    return (
      this.config.groups.find((group) => foldName(group.id) === wanted || foldName(group.name) === wanted) ??
      this.config.groups.find((group) => foldName(group.name).startsWith(wanted))
    );
  }
}

/** Case-, accent- and space-insensitive form of a name. */
function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

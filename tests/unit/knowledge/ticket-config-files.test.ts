import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AdvisorRouting } from '../../../src/domain/tickets/advisor-group';
import { SlaCalendar } from '../../../src/domain/tickets/sla-calendar';
import { SlaPolicy } from '../../../src/domain/tickets/sla-policy';
import { loadKnowledgeDirectory } from '../../../src/storage/knowledge-files.loader';
import { loadAdvisorGroupsFile, loadServiceLevelsFile } from '../../../src/storage/ticket-config.loader';

const KNOWLEDGE_DIR = path.resolve(__dirname, '../../../knowledge');

describe('ticket configuration in knowledge/', () => {
  it('routes every category of the seed knowledge to a named group explicitly', async () => {
    const routing = new AdvisorRouting(loadAdvisorGroupsFile(path.join(KNOWLEDGE_DIR, 'advisor-groups.json')));
    const categories = new Set((await loadKnowledgeDirectory(KNOWLEDGE_DIR)).map((entry) => entry.category));
    const unrouted = [...categories].filter((category) => !routing.groupForCategory(category).categories.includes(category));
    expect(unrouted).toEqual([]);
  });

  it('has valid service levels: urgent first response within an hour; Christmas Day is no working day, a normal Monday morning is', () => {
    const levels = loadServiceLevelsFile(path.join(KNOWLEDGE_DIR, 'service-levels.json'));
    const calendar = new SlaCalendar(levels.calendar);
    const policy = new SlaPolicy(calendar, levels.policy);
    expect(policy.slaDueTimes('urgent', new Date('2026-11-23T08:00:00Z')).firstResponseDue).toBe('2026-11-23T09:00:00.000Z');
    const christmasNoon = new Date('2026-12-25T11:00:00Z');
    expect(calendar.workingMinutesBetween(christmasNoon, new Date('2026-12-25T13:00:00Z'))).toBe(0);
    expect(calendar.workingMinutesBetween(new Date('2026-11-23T08:00:00Z'), new Date('2026-11-23T09:00:00Z'))).toBe(60);
  });

  it('lists every problem of an invalid advisor-groups file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lotse-groups-')), 'advisor-groups.json');
    writeFileSync(file, JSON.stringify({ defaultGroupId: '', groups: [{ id: 'Bad Id', name: '', categories: [] }] }));
    expect(() => loadAdvisorGroupsFile(file)).toThrow(expect.objectContaining({ code: 'KNOWLEDGE_INVALID', details: expect.objectContaining({ problems: expect.arrayContaining([expect.stringMatching(/^defaultGroupId/), expect.stringMatching(/^groups\.0\.id/), expect.stringMatching(/^groups\.0\.name/)]) }) }));
  });
});

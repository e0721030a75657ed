import { FixedAnalyticsSource, bodyOf, chartOf, createInsightsHarness, tableRows, textOf } from './insights-harness';

const XSS = '<img src=x onerror=alert(1)>';

function richSource(): FixedAnalyticsSource {
  return new FixedAnalyticsSource({
    questionOutcomes: [
      { outcome: 'answer', feedback: 'helpful', count: 3 },
      { outcome: 'answer', feedback: 'not_helpful', count: 1 },
      { outcome: 'answer', feedback: null, count: 2 },
      { outcome: 'choices', feedback: null, count: 1 },
      { outcome: 'none', feedback: null, count: 2 },
      { outcome: 'intent', feedback: null, count: 5 },
    ],
    askedQuestions: [
      { askedAt: '2026-03-01T09:00:00.000Z', outcome: 'answer' },
      { askedAt: '2026-03-01T10:00:00.000Z', outcome: 'none' },
      { askedAt: '2026-03-14T10:00:00.000Z', outcome: 'answer' },
    ],
    ticketsByCategory: [
      { key: 'Meldewesen', count: 3 },
      { key: 'E-Rechnung', count: 1 },
    ],
    ticketsByMunicipality: [
      { key: XSS, count: 2 },
      { key: '=HYPERLINK("http://x";"y")', count: 2 },
    ],
    satisfactionScores: [
      { score: 4, count: 1 },
      { score: 5, count: 1 },
    ],
    ticketTimings: [
      {
        createdAt: '2026-03-02T08:00:00.000Z',
        status: 'resolved',
        sla: { firstResponseDue: '2026-03-02T10:00:00.000Z', resolutionDue: '2026-03-05T10:00:00.000Z', firstRespondedAt: '2026-03-02T09:30:00.000Z', resolvedAt: '2026-03-02T14:00:00.000Z' },
      },
      {
        createdAt: '2026-03-03T08:00:00.000Z',
        status: 'new',
        sla: { firstResponseDue: '2026-03-03T10:00:00.000Z', resolutionDue: '2026-04-05T10:00:00.000Z', firstRespondedAt: null, resolvedAt: null },
      },
      {
        createdAt: '2026-03-04T08:00:00.000Z',
        status: 'assigned',
        sla: { firstResponseDue: '2026-03-04T10:00:00.000Z', resolutionDue: '2026-04-05T10:00:00.000Z', firstRespondedAt: '2026-03-04T08:30:00.000Z', resolvedAt: null },
      },
      {
        createdAt: '2026-03-05T08:00:00.000Z',
        status: 'new',
        sla: { firstResponseDue: '2026-03-20T10:00:00.000Z', resolutionDue: '2026-04-05T10:00:00.000Z', firstRespondedAt: null, resolvedAt: null },
      },
    ],
  });
}

describe('GET /dashboard/analytics', () => {
  it('shows the last 30 days by default, with every figure in a table', async () => {
    const h = createInsightsHarness({ analytics: richSource() });
    const response = await h.get('/dashboard/analytics');
    const body = bodyOf(response);

    expect(response).toMatchObject({ kind: 'page', title: 'Auswertung' });
    expect(response).not.toHaveProperty('status');
    expect(body).toContain('value="2026-02-14"');
    expect(body).toContain('value="2026-03-15"');
    expect(h.analyticsSource.calls[0]).toMatchObject({ start: '2026-02-13T23:00:00.000Z', end: '2026-03-15T23:00:00.000Z' });
    expect(tableRows(body, 'questions')).toEqual(
      expect.arrayContaining([
        ['Gestellte Fragen', '9'],
        ['Direkt beantwortet', '6'],
        ['Anteil „hilfreich“ an den Bewertungen', '75,0 %'],
        ['Gesprächsnachrichten (Begrüßung, Befehle; nicht mitgezählt)', '5'],
      ]),
    );
    expect(tableRows(body, 'tickets')).toEqual([
      ['Eröffnete Tickets', '4'],
      ['Tickets mit erster Antwort', '2'],
      ['Median bis zur ersten Antwort (Stunden)', '1,0 Std.'],
      ['Gelöste oder geschlossene Tickets', '1'],
      ['Median bis zur Lösung (Stunden)', '6,0 Std.'],
      ['Frist für die erste Antwort überschritten', '1'],
      ['Frist für die Lösung überschritten', '0'],
      ['Zufriedenheit: Bewertungen', '2'],
      ['Zufriedenheit: Mittelwert (1–5)', '4,50'],
    ]);
  });

  it('draws each chart as an accessible SVG whose bars match the table next to it', async () => {
    const body = bodyOf(await createInsightsHarness({ analytics: richSource() }).get('/dashboard/analytics'));
    const chart = chartOf(body, 'tickets-by-category');

    expect(chart).toContain('role="img"');
    expect(chart).toContain('<title id="chart-tickets-by-category-title">Tickets nach Kategorie</title>');
    expect(chart).toMatch(/<desc id="chart-tickets-by-category-desc">Anzahl der eröffneten Tickets je Kategorie\. 2 Werte; der höchste: Meldewesen mit 3\./);
    expect(tableRows(body, 'tickets-by-category')).toEqual([
      ['Meldewesen', '3', '75,0 %'],
      ['E-Rechnung', '1', '25,0 %'],
    ]);
    const bars = [...chart.matchAll(/<title>([^<]*)<\/title><text[^>]*>[^<]*<\/text><rect class="chart-bar" x="200" y="\d+" width="([\d.]+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(bars).toEqual([
      ['Meldewesen: 3', 360],
      ['E-Rechnung: 1', 120],
    ]);
    for (const id of ['questions-per-day', 'outcomes', 'tickets-by-municipality', 'satisfaction']) {
      expect(chartOf(body, id)).toMatch(/<title id="chart-[a-z-]+-title">[^<]+<\/title><desc id="chart-[a-z-]+-desc">[^<]+<\/desc>/);
    }
    expect(tableRows(body, 'questions-per-day')).toHaveLength(30);
    expect(tableRows(body, 'questions-per-day')).toContainEqual(['2026-03-01', '2', '1', '0', '1']);
    expect(chartOf(body, 'questions-per-day')).toContain('<title>01.03.: 2</title>');
  });

  it('renders names from the store as text, never as markup', async () => {
    const body = bodyOf(await createInsightsHarness({ analytics: richSource() }).get('/dashboard/analytics'));

    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tableRows(body, 'tickets-by-municipality')[0]).toEqual([XSS, '2', '50,0 %']);
  });

  it.each([
    ['an impossible date', { from: '2026-02-30' }, 'from', 'Dieses Datum gibt es nicht.'],
    ['a wrong format', { to: '15.03.2026' }, 'to', 'Bitte geben Sie das Datum im Format JJJJ-MM-TT an.'],
    ['a reversed period', { from: '2026-03-10', to: '2026-03-01' }, 'to', 'Das Enddatum darf nicht vor dem Anfangsdatum liegen.'],
    ['more than 366 days', { from: '2025-01-01', to: '2026-01-02' }, 'from', 'Der Zeitraum darf höchstens 366 Tage umfassen.'],
    ['a repeated key (array)', { from: ['2026-03-01', '2026-03-02'] }, 'from', 'Bitte geben Sie genau einen Wert für „Von“ an.'],
  ])('answers %s with 422, the field error and no query', async (_label, query, field, message) => {
    const h = createInsightsHarness({ analytics: richSource() });
    const response = await h.get('/dashboard/analytics', query);

    expect(response).toMatchObject({ kind: 'page', status: 422 });
    expect(bodyOf(response)).toContain(`<p class="field-error" id="period-${field}-error">${message}</p>`);
    expect(bodyOf(response)).toContain(`id="period-${field}" name="${field}"`);
    expect(h.analyticsSource.calls).toEqual([]);
  });
});

describe('GET /dashboard/analytics.csv', () => {
  it('downloads one table as UTF-8 CSV with BOM, ";" separator, CRLF and German decimals', async () => {
    const h = createInsightsHarness({ analytics: richSource() });
    const response = await h.get('/dashboard/analytics.csv', { table: 'tickets-by-category', from: '2026-03-01', to: '2026-03-31' });

    expect(response).toEqual({
      kind: 'download',
      filename: 'lotse-tickets-by-category-2026-03-01-2026-03-31.csv',
      contentType: 'text/csv; charset=utf-8',
      body: '\uFEFFKategorie;Tickets;Anteil (%)\r\nMeldewesen;3;75,0\r\nE-Rechnung;1;25,0\r\n',
    });
  });

  it('neutralises formulas and quotes separators and quotes in text cells', async () => {
    const response = await createInsightsHarness({ analytics: richSource() }).get('/dashboard/analytics.csv', { table: 'tickets-by-municipality' });
    const lines = String(response.kind === 'download' && response.body).split('\r\n');

    expect(lines[1]).toBe('<img src=x onerror=alert(1)>;2;50,0');
    expect(lines[2]).toBe('"\'=HYPERLINK(""http://x"";""y"")";2;50,0');
  });

  it('writes numbers with units as plain numbers: hours with one decimal, scores with two', async () => {
    const response = await createInsightsHarness({ analytics: richSource() }).get('/dashboard/analytics.csv', { table: 'tickets' });
    const body = String(response.kind === 'download' && response.body);

    expect(body).toContain('\r\nMedian bis zur ersten Antwort (Stunden);1,0\r\n');
    expect(body).toContain('\r\nZufriedenheit: Mittelwert (1–5);4,50\r\n');
  });

  it('refuses an unknown table with 422', async () => {
    const h = createInsightsHarness({ analytics: richSource() });
    const response = await h.get('/dashboard/analytics.csv', { table: 'users' });

    expect(response).toMatchObject({ kind: 'page', status: 422 });
    expect(textOf(bodyOf(response))).toContain('Diese Tabelle gibt es nicht.');
    expect(h.analyticsSource.calls).toEqual([]);
  });
});

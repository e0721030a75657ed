import { renderTeamsMarkdown } from '../../../../../src/http/dashboard/knowledge/teams-markdown';

const render = (text: string) => renderTeamsMarkdown(text).value;

describe('renderTeamsMarkdown (the preview of an answer as Teams shows it)', () => {
  it('renders paragraphs, line breaks, bold and italics', () => {
    expect(render('Grundsätzlich **ja**, aber *nicht* _immer_.\nZweite Zeile.\n\nNeuer Absatz.')).toBe(
      '<p>Grundsätzlich <strong>ja</strong>, aber <em>nicht</em> <em>immer</em>.<br>Zweite Zeile.</p><p>Neuer Absatz.</p>',
    );
    expect(render('**fett mit *kursiv* darin**')).toBe('<p><strong>fett mit <em>kursiv</em> darin</strong></p>');
  });

  it('renders bullet and numbered lists, also right after a paragraph line', () => {
    expect(render('Drei Wege:\n- Plattform\n* PEPPOL\n\n1. eins\n2. **zwei**')).toBe(
      '<p>Drei Wege:</p><ul><li>Plattform</li><li>PEPPOL</li></ul><ol><li>eins</li><li><strong>zwei</strong></li></ol>',
    );
    expect(render('3. drei\n4. vier')).toBe('<ol start="3"><li>drei</li><li>vier</li></ol>');
  });

  it('renders http(s) and mailto links, and only the text of any other target', () => {
    expect(render('Siehe [Leitfaden](https://example.org/a?b=1&c=2).')).toBe(
      '<p>Siehe <a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">Leitfaden</a>.</p>',
    );
    expect(render('[Klick](javascript:alert(1))')).toBe('<p>Klick)</p>');
    expect(render('[x](https://a.example/"onmouseover="alert(1))')).not.toContain('" onmouseover');
  });

  it('escapes HTML: a <script> in an answer is text', () => {
    expect(render('<script>alert("x")</script> & <b>fett</b>')).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fett&lt;/b&gt;</p>');
    expect(render('**<img src=x onerror=alert(1)>**')).toBe('<p><strong>&lt;img src=x onerror=alert(1)&gt;</strong></p>');
  });

  it('leaves lone markers and words with underscores alone', () => {
    expect(render('5 * 3 = 15 und datei_name_neu')).toBe('<p>5 * 3 = 15 und datei_name_neu</p>');
  });
});

import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import restify from 'restify';
import { mapError } from '../../src/http/error-mapper';
import { knowledgeUploadParser } from '../../src/http/dashboard/knowledge/knowledge-upload.parser';

/** Files formidable would have written for uploads (it names them `upload_<hash>` in the temp dir). */
function formidableTempFiles(): string[] {
  return readdirSync(os.tmpdir()).filter((name) => name.startsWith('upload_'));
}

/** A restify server with the upload parser on one route that echoes what the parser put into req.body. */
async function startServer(maxBytes?: number) {
  const server = restify.createServer();
  server.post('/upload', ...knowledgeUploadParser(maxBytes), (req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.send(200, { body: req.body ?? null });
    next();
  });
  server.on('restifyError', (_req, res: restify.Response, err: Error, callback: () => void) => {
    const { status, body } = mapError(err);
    res.send(status, body);
    callback();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/upload`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('knowledgeUploadParser (multipart import form)', () => {
  it('puts the uploaded file as UTF-8 text beside the text fields, without writing it to disk', async () => {
    const server = await startServer();
    try {
      const csv = '\uFEFFid;question\r\nkb-001;"Gilt das für Gemeinden; auch für Ämter?"\r\n';
      const form = new FormData();
      form.set('_csrf', 'token');
      form.set('format', 'csv');
      form.set('file', new Blob([csv], { type: 'text/csv' }), 'wissensbasis.csv');
      const before = formidableTempFiles();
      const response = await fetch(server.url, { method: 'POST', body: form });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ body: { _csrf: 'token', format: 'csv', file: csv } });
      expect(formidableTempFiles()).toEqual(before);
    } finally {
      await server.close();
    }
  });

  it('gives an empty file input as empty text, and leaves url-encoded forms to the next parser', async () => {
    const server = await startServer();
    try {
      const form = new FormData();
      form.set('content', 'eingefügt');
      form.set('file', new Blob([]), '');
      expect(await (await fetch(server.url, { method: 'POST', body: form })).json()).toEqual({ body: { content: 'eingefügt', file: '' } });

      const urlEncoded = await fetch(server.url, { method: 'POST', body: new URLSearchParams({ a: 'b' }) });
      expect(await urlEncoded.json()).toEqual({ body: null });
    } finally {
      await server.close();
    }
  });

  it('refuses an upload above the limit with 413', async () => {
    const server = await startServer(1024);
    try {
      const form = new FormData();
      form.set('file', new Blob(['x'.repeat(4096)]), 'gross.json');
      const response = await fetch(server.url, { method: 'POST', body: form });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
    } finally {
      await server.close();
    }
  });
});

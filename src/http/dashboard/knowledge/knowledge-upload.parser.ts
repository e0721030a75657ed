import type { Request, RequestHandler } from 'restify';
import restify from 'restify';
import { AppError, ErrorCode } from '../../../domain/errors';

/** The largest import the upload accepts (all fields and files together). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** A part of a multipart body as formidable hands it to restify's handlers. */
interface MultipartPart {
  readonly name: string;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
}

interface Upload {
  readonly fields: Map<string, string[]>;
  bytes: number;
}

/**
 * restify handlers for the import form (`multipart/form-data`): restify's multipartBodyParser with
 * in-memory part handlers, so that an uploaded file never touches the disk. Afterwards `req.body`
 * holds every part as text (UTF-8) by field name — the file's content under the file field's name
 * (`file`), like any other form field. Other content types pass through untouched. A body above
 * `maxBytes` fails with AppError `PAYLOAD_TOO_LARGE`.
 *
 * Mount before the dashboard router's handler on `POST /dashboard/knowledge/import` only.
 */
export function knowledgeUploadParser(maxBytes = MAX_UPLOAD_BYTES): RequestHandler[] {
  const uploads = new WeakMap<Request, Upload>();

  const collect = (part: MultipartPart, req: Request) => {
    let upload = uploads.get(req);
    if (!upload) {
      upload = { fields: new Map(), bytes: 0 };
      uploads.set(req, upload);
    }
    const target = upload;
    const chunks: Buffer[] = [];
    part.on('data', (chunk) => {
      target.bytes += chunk.length;
      if (target.bytes <= maxBytes) chunks.push(chunk);
    });
    part.on('end', () => {
      target.fields.set(part.name, [...(target.fields.get(part.name) ?? []), Buffer.concat(chunks).toString('utf8')]);
    });
  };

  const parse = restify.plugins.multipartBodyParser({
    mapParams: false,
    // Every part, file or text field (also an empty file input), is read into memory by `collect`.
    multipartFileHandler: collect,
    multipartHandler: collect,
  });

  const toBody: RequestHandler = (req, _res, next) => {
    const upload = uploads.get(req);
    if (!upload) return next();
    uploads.delete(req);
    if (upload.bytes > maxBytes) return next(new AppError(ErrorCode.PayloadTooLarge, `the upload exceeds ${maxBytes} bytes`));
    req.body = Object.fromEntries([...upload.fields].map(([name, values]) => [name, values.length === 1 ? values[0] : values]));
    return next();
  };

  return [parse, toBody];
}

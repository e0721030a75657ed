/**
 * Offline validation against Microsoft's official Teams manifest JSON schemas, as shipped in the
 * npm package @microsoft/app-manifest (the library of the Microsoft 365 Agents Toolkit). The
 * schemas are draft-04; ajv-draft-04 and ajv-formats validate them with the options that package
 * uses itself.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { MANIFEST_VERSION } from './teams-manifest';

export type SchemaKind = 'manifest' | 'localization';

const SCHEMA_FILES: Readonly<Record<SchemaKind, string>> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

/** Where the schema file of the manifest version lies inside node_modules. */
export function schemaPath(kind: SchemaKind, version: string = MANIFEST_VERSION): string {
  return require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/${SCHEMA_FILES[kind]}`);
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(kind: SchemaKind, version: string): ValidateFunction {
  const key = `${kind}@${version}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  // unicodeRegExp off: the localization schema has a pattern (`\b...\b]`) that is valid only without the u flag.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath(kind, version), 'utf8')) as object);
  compiled.set(key, validate);
  return validate;
}

function describeError(error: ErrorObject): string {
  const params = Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : '';
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${params}`;
}

/**
 * Validates a manifest or localization file against the official schema of `version`.
 * Returns the problems found; an empty list means valid.
 */
export function validateAgainstSchema(kind: SchemaKind, document: unknown, version: string = MANIFEST_VERSION): string[] {
  const validate = validatorFor(kind, version);
  return validate(document) ? [] : (validate.errors ?? []).map(describeError);
}

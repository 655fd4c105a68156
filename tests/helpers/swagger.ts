import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

// Chatwoot's swagger files, copied from ../shared/spec/chatwoot-api into tests/contract/chatwoot-swagger
// (CHATWOOT_SWAGGER_DIR reads another copy).
export const SWAGGER_DIR = process.env.CHATWOOT_SWAGGER_DIR ?? path.resolve(process.cwd(), 'tests/contract/chatwoot-swagger');

type Json = Record<string, unknown>;
export type Swagger = { paths: Record<string, Record<string, Json>>; components: Json };
export type Operation = { method: string; path: string; operation: Json };

export const loadSwagger = (file: 'application_swagger.json' | 'client_swagger.json'): Swagger =>
  JSON.parse(readFileSync(path.join(SWAGGER_DIR, file), 'utf8')) as Swagger;

export const operationsOf = (swagger: Swagger): Operation[] =>
  Object.entries(swagger.paths).flatMap(([route, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path: route, operation: operation as Json })),
  );

// Chatwoot answers null for most fields that have no value, and its swagger marks few of them
// nullable: every typed schema is made nullable, the one relaxation of the contract (README "API").
const relax = (node: unknown, refBase: string): unknown => {
  if (Array.isArray(node)) return node.map((item) => relax(item, refBase));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out.$ref = `${refBase}${value}`;
    else if (key === 'example' || key === 'examples') continue;
    else out[key] = relax(value, refBase);
  }
  if (typeof out.type === 'string') {
    out.nullable = true;
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
};

// A validator of response bodies for one swagger file: $refs resolve inside it.
export const responseValidator = (swagger: Swagger, id: string) => {
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
  ajv.addSchema({ $id: id, components: relax(swagger.components, id) });
  const cache = new Map<string, ValidateFunction>();
  return (schema: unknown): ValidateFunction => {
    const key = JSON.stringify(schema);
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(relax(schema, id) as Json);
      cache.set(key, validate);
    }
    return validate;
  };
};

const resolve = (swagger: Swagger, node: unknown): Json => {
  let current = node as Json;
  while (current && typeof current.$ref === 'string') {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .reduce<Json>((object, key) => object[key] as Json, swagger as unknown as Json);
  }
  return current ?? {};
};

// A value for a schema, taken from its examples where it has them, else the smallest of its type.
export const sampleOf = (swagger: Swagger, node: unknown, depth = 0): unknown => {
  const schema = resolve(swagger, node);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...schema.allOf.map((part) => sampleOf(swagger, part, depth + 1)));
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (depth > 4) return undefined;
  switch (schema.type) {
    case 'object': {
      const out: Json = {};
      for (const [key, property] of Object.entries((schema.properties as Json | undefined) ?? {})) {
        const value = sampleOf(swagger, property, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'array':
      return schema.items ? [sampleOf(swagger, schema.items, depth + 1)].filter((value) => value !== undefined) : [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'string':
      return 'text';
    default:
      return schema.properties ? sampleOf(swagger, { ...schema, type: 'object' }, depth) : undefined;
  }
};

export const requestBodySample = (swagger: Swagger, operation: Json): unknown => {
  const body = operation.requestBody as Json | undefined;
  const content = body?.content as Record<string, Json> | undefined;
  const json = content?.['application/json'];
  return json ? sampleOf(swagger, json.schema) : undefined;
};

// The response schema the swagger gives for a status (null: any body; undefined: not documented).
export const responseSchema = (swagger: Swagger, operation: Json, status: number): unknown => {
  const responses = operation.responses as Record<string, Json>;
  const response = resolve(swagger, responses[String(status)] ?? responses.default);
  if (!responses[String(status)] && !responses.default) return undefined;
  const content = response.content as Record<string, Json> | undefined;
  return content?.['application/json']?.schema ?? null;
};

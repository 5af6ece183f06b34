/**
 * GitHub's official OpenAPI description (from @octokit/openapi) as a request and response
 * checker for the fake GitHub server: a request the real API would not accept, or a
 * response the real API would never send, becomes a violation that tests assert is empty.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const SPEC_ID = 'https://api.github.com/openapi.json';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: object;
}

interface Operation {
  operationId: string;
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

interface Spec {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: Record<string, Record<string, unknown>>;
}

/** One route of the description, matched against a concrete request path. */
export interface RouteMatch {
  /** e.g. `GET /repos/{owner}/{repo}/issues` */
  route: string;
  operationId: string;
  pathParams: Record<string, string>;
}

interface CompiledRoute {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  literalSegments: number;
  operation: Operation;
}

export class GitHubOpenApi {
  private readonly routes: CompiledRoute[] = [];
  private readonly byRoute = new Map<string, CompiledRoute>();
  // Bodies are checked as sent; parameters arrive as strings and are coerced like GitHub does.
  private readonly bodyAjv = newAjv(false);
  private readonly paramAjv = newAjv(true);
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly spec: Spec) {
    this.bodyAjv.addSchema({ $id: SPEC_ID, components: spec.components });
    this.paramAjv.addSchema({ $id: SPEC_ID, components: spec.components });
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const names: string[] = [];
        const segments = template.split('/');
        const pattern = segments
          .map((segment) =>
            segment.replace(/\{([^}]+)\}|[^{}]+/g, (part, name?: string) => {
              if (name === undefined) return escapeRegExp(part);
              names.push(name);
              return '([^/]+)';
            }),
          )
          .join('/');
        const compiled: CompiledRoute = {
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^${pattern}$`),
          names,
          literalSegments: segments.filter((s) => s !== '' && !s.includes('{')).length,
          operation,
        };
        this.routes.push(compiled);
        this.byRoute.set(`${compiled.method} ${template}`, compiled);
      }
    }
  }

  /** The operation a request addresses; literal segments win over parameters, as on GitHub. */
  match(method: string, pathname: string): RouteMatch | undefined {
    let best: { route: CompiledRoute; values: string[] } | undefined;
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.regex.exec(pathname);
      if (!found) continue;
      if (!best || route.literalSegments > best.route.literalSegments) {
        best = { route, values: found.slice(1) };
      }
    }
    if (!best) return undefined;
    const pathParams: Record<string, string> = {};
    best.route.names.forEach((name, index) => {
      pathParams[name] = decodeURIComponent(best.values[index] ?? '');
    });
    return {
      route: `${best.route.method} ${best.route.template}`,
      operationId: best.route.operation.operationId,
      pathParams,
    };
  }

  /** Problems with a request's parameters and JSON body, in words; empty when valid. */
  checkRequest(
    match: RouteMatch,
    query: URLSearchParams,
    body: unknown,
    hasBody: boolean,
  ): { problems: string[]; params: Record<string, unknown> } {
    const route = this.route(match.route);
    const problems: string[] = [];
    const params: Record<string, unknown> = {};
    const declared = (route.operation.parameters ?? []).map((p) => this.resolve<Parameter>(p));
    for (const parameter of declared) {
      if (parameter.in !== 'path' && parameter.in !== 'query') continue;
      const raw = parameter.in === 'path' ? match.pathParams[parameter.name] : query.get(parameter.name);
      if (raw === undefined || raw === null) {
        if (parameter.required) problems.push(`missing required ${parameter.in} parameter ${parameter.name}`);
        continue;
      }
      const holder = { value: raw as unknown };
      const validate = this.validator(`param ${match.route} ${parameter.name}`, this.paramAjv, {
        type: 'object',
        properties: { value: parameter.schema ?? {} },
      });
      if (!validate(holder)) {
        problems.push(
          `${parameter.in} parameter ${parameter.name}=${raw}: ${this.paramAjv.errorsText(validate.errors)}`,
        );
      }
      params[parameter.name] = holder.value;
    }
    for (const name of new Set(query.keys())) {
      if (!declared.some((p) => p.in === 'query' && p.name === name)) {
        problems.push(`query parameter ${name} is not part of ${match.route}`);
      }
    }
    const requestBody = route.operation.requestBody;
    const schema = requestBody?.content?.['application/json']?.schema;
    if (hasBody && !schema) problems.push(`${match.route} takes no request body`);
    if (!hasBody && requestBody?.required) problems.push(`${match.route} requires a JSON body`);
    if (hasBody && schema) {
      const validate = this.validator(`body ${match.route}`, this.bodyAjv, schema);
      if (!validate(body))
        problems.push(`body: ${this.bodyAjv.errorsText(validate.errors, { dataVar: 'body' })}`);
    }
    return { problems, params };
  }

  /** Problems with a response the fake is about to send; empty when GitHub could send it. */
  checkResponse(route: string, status: number, body: unknown): string[] {
    const response = this.route(route).operation.responses[String(status)];
    if (!response) return [`${route} never answers ${status}`];
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return body === undefined ? [] : [`${route} ${status} has no body in the description`];
    const validate = this.validator(`response ${route} ${status}`, this.bodyAjv, schema);
    return validate(body) ? [] : [`response ${status}: ${this.bodyAjv.errorsText(validate.errors)}`];
  }

  private route(key: string): CompiledRoute {
    const route = this.byRoute.get(key);
    if (!route) throw new Error(`no route ${key} in the GitHub OpenAPI description`);
    return route;
  }

  private resolve<T>(value: T | { $ref: string }): T {
    if (typeof value === 'object' && value !== null && '$ref' in value) {
      const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(value.$ref) ?? [];
      const found = section && name ? this.spec.components[section]?.[name] : undefined;
      if (!found) throw new Error(`unresolvable $ref ${value.$ref}`);
      return found as T;
    }
    return value;
  }

  private validator(key: string, ajv: Ajv, schema: object): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      // Local refs point into the description's components, registered under SPEC_ID.
      const rebased = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/', `"${SPEC_ID}#/components/`),
      );
      validate = ajv.compile(rebased);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function newAjv(coerceTypes: boolean): Ajv {
  // The description is OpenAPI 3.0 (nullable, example, discriminator without mapping
  // support in JSON Schema); strict mode would reject it and formats are informative only.
  return new Ajv({ strict: false, validateFormats: false, allErrors: true, coerceTypes, logger: false });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * OpenAPI 3.0's `nullable: true` in JSON Schema terms: null joins the type (and the enum),
 * or, beside a $ref or a combinator that has no type, becomes an alternative of its own.
 */
function fromOpenApi30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fromOpenApi30);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) out[key] = fromOpenApi30(value);
  if (nullable !== true) return nullable === undefined ? out : { ...out, nullable };
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

let loaded: GitHubOpenApi | undefined;

/** The api.github.com description, parsed once per test process. */
export function gitHubOpenApi(): GitHubOpenApi {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    loaded = new GitHubOpenApi(fromOpenApi30(JSON.parse(readFileSync(file, 'utf8'))) as Spec);
  }
  return loaded;
}

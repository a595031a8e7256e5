import { createRequire } from 'node:module';

type Validate = ((data: unknown) => unknown) & { errors?: unknown };
type RouteSchema = { schema: unknown; method?: string; url?: string; httpPart?: string; contentType?: string };
type ValidatorCompiler = (route: RouteSchema) => Validate;
type ValidatorFactory = (externalSchemas: unknown, ajvOptions: unknown) => ValidatorCompiler;

// Fastify's own default validator compiler (Ajv with Fastify's settings), loaded from where Fastify finds it.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const defaultValidators = fromFastify('@fastify/ajv-compiler') as () => ValidatorFactory;

/**
 * Fastify's Ajv validators, each compiled the first time its route is asked for instead of at start-up:
 * compiling every route's schemas was about a sixth of the time to start (ADR 0011). The same Ajv settings
 * and the same answers; only when the work is done changes.
 */
export function lazyValidators(): ValidatorFactory {
  const build = defaultValidators();
  return (externalSchemas, ajvOptions) => {
    const compile = build(externalSchemas, ajvOptions);
    return (route) => {
      let compiled: Validate | undefined;
      const validate: Validate = (data) => {
        compiled ??= compile(route);
        const result = compiled(data);
        validate.errors = compiled.errors;
        return result;
      };
      return validate;
    };
  };
}

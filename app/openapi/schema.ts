/**
 * Small builders for the OpenAPI 3.1 document. Schemas are JSON Schema
 * 2020-12, which OpenAPI 3.1 uses as is: `nullable` is `type: [..., 'null']`.
 */

export type Schema = { [keyword: string]: unknown }

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  description?: string
  schema: Schema
}

export type Reference = { $ref: string }
export interface Response {
  description: string
  headers?: Record<string, { description: string; schema: Schema }>
  content?: Record<string, { schema: Schema }>
}

export interface Operation {
  operationId: string
  summary: string
  description?: string
  tags?: string[]
  security?: Record<string, string[]>[]
  parameters?: Parameter[]
  requestBody?: { required: boolean; content: Record<string, { schema: Schema }> }
  responses: Record<string, Response | Reference>
}

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete'
export type PathItem = Partial<Record<Method, Operation>>

/** One area of the API (auth, tickets, ...): a tag, its paths and the schemas they name. */
export interface ApiArea {
  tag: { name: string; description: string }
  paths: Record<string, PathItem>
  schemas?: Record<string, Schema>
}

export const V1 = '/api/v1'

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })

export const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra })
export const int = (extra: Schema = {}): Schema => ({ type: 'integer', ...extra })
export const num = (extra: Schema = {}): Schema => ({ type: 'number', ...extra })
export const bool = (extra: Schema = {}): Schema => ({ type: 'boolean', ...extra })
const described = (description?: string): Schema => (description ? { description } : {})
export const id = (description?: string): Schema => int({ minimum: 1, ...described(description) })
export const dateTime = (description?: string): Schema =>
  str({ format: 'date-time', ...described(description) })
export const enumOf = (values: readonly string[], description?: string): Schema =>
  str({ enum: [...values], ...described(description) })
export const arrayOf = (items: Schema, extra: Schema = {}): Schema => ({
  type: 'array',
  items,
  ...extra,
})

/** The value or null; a `$ref` cannot carry a type, so it goes through `anyOf`. */
export function nullable(schema: Schema): Schema {
  if (typeof schema.type !== 'string') return { anyOf: [schema, { type: 'null' }] }
  const result: Schema = { ...schema, type: [schema.type, 'null'] }
  if (Array.isArray(schema.enum)) result.enum = [...schema.enum, null]
  return result
}

/** A closed object; `required` lists the keys always present. */
export const obj = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
})

/** Every listed key always present (the usual case for response bodies). */
export const record = (properties: Record<string, Schema>): Schema =>
  obj(properties, Object.keys(properties))

/** `{ data: ... }`, the envelope of every resource response. */
export const dataOf = (schema: Schema): Schema => record({ data: schema })

export const json = (description: string, schema: Schema): Response => ({
  description,
  content: { 'application/json': { schema } },
})

export const noContent: Response = { description: 'Done; no body.' }

export const pathId = (what: string): Parameter => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The ${what}'s id.`,
  schema: id(),
})

/** Anything VineJS can describe: a validator or a schema type. */
export interface JsonSchemaSource {
  toJSONSchema(): object
}

/** VineJS booleans accept these spellings; clients should send true or false. */
const VINE_BOOLEAN_SPELLINGS = ['1', 1, 'true', true, 'on', '0', 0, 'false', false]

const isVineBoolean = (values: unknown[]) =>
  values.length === VINE_BOOLEAN_SPELLINGS.length &&
  VINE_BOOLEAN_SPELLINGS.every((value) => values.includes(value))

/**
 * A copy of VineJS's JSON Schema (draft 7, which 3.1 reads as is) that code
 * generators handle better: booleans as `type: boolean` rather than an enum
 * of spellings, and string enums with their `type`. VineJS caches its schema,
 * so this never mutates the input.
 */
export function tidy(input: unknown): Schema {
  const schema = { ...(input as Schema) }
  delete schema.$schema
  if (Array.isArray(schema.enum)) {
    if (isVineBoolean(schema.enum)) {
      delete schema.enum
      schema.type = 'boolean'
    } else if (!schema.type && schema.enum.every((value) => typeof value === 'string')) {
      schema.type = 'string'
    }
  }
  if (schema.properties) {
    const properties = schema.properties as Record<string, unknown>
    schema.properties = Object.fromEntries(
      Object.entries(properties).map(([key, value]) => [key, tidy(value)])
    )
  }
  if (schema.items && !Array.isArray(schema.items)) schema.items = tidy(schema.items)
  if (Array.isArray(schema.anyOf)) schema.anyOf = schema.anyOf.map(tidy)
  return schema
}

/**
 * The request body a VineJS validator accepts, straight from the validator,
 * so names, types, enums and limits cannot drift. `fields` adds what VineJS
 * cannot say (descriptions, date formats) to single properties.
 */
export function bodyFrom(validator: JsonSchemaSource, fields: Record<string, Schema> = {}) {
  const schema = tidy(validator.toJSONSchema())
  const properties = schema.properties as Record<string, Schema>
  for (const [name, extra] of Object.entries(fields)) {
    if (!properties[name]) throw new Error(`openapi: the validator has no field "${name}"`)
    properties[name] = { ...properties[name], ...extra }
  }
  return schema
}

/** The query parameters a VineJS validator accepts (the controller passes `request.qs()`). */
export function queryFrom(
  validator: JsonSchemaSource,
  fields: Record<string, Schema> = {}
): Parameter[] {
  const schema = bodyFrom(validator, fields)
  const required = (schema.required as string[] | undefined) ?? []
  return Object.entries(schema.properties as Record<string, Schema>).map(([name, property]) => {
    const { description, ...rest } = property
    return {
      name,
      in: 'query',
      required: required.includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    }
  })
}

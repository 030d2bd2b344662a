import { DEPARTMENT_LEVELS } from '#domain/department_levels'
import {
  createCategoryValidator,
  listCategoriesValidator,
  updateCategoryValidator,
} from '#validators/category'
import {
  createDepartmentValidator,
  listDepartmentsValidator,
  updateDepartmentContactsValidator,
  updateDepartmentValidator,
} from '#validators/department'
import { errorResponses, operation } from './components.js'
import {
  V1,
  arrayOf,
  bodyFrom,
  bool,
  dataOf,
  dateTime,
  enumOf,
  id,
  int,
  json,
  nullable,
  pathId,
  queryFrom,
  record,
  ref,
  str,
  type ApiArea,
  type PathItem,
  type Reference,
  type Schema,
} from './schema.js'

/** Department, category and user lists and edits share these answers. */
export const found = (what: string, schema: string) => json(`The ${what}.`, dataOf(ref(schema)))

/**
 * POST .../deactivate and .../activate of a department, category or user
 * (`resource` is the URL segment and the route-name segment alike).
 */
export function activation(
  resource: 'departments' | 'categories' | 'users',
  what: string,
  schema: string
): Record<string, PathItem> {
  const tree = resource !== 'users'
  const toggle = (verb: 'deactivate' | 'activate', refusals: Record<string, Reference>) => ({
    post: operation(`api.${resource}.${verb}`, {
      summary: `${verb === 'activate' ? 'Reactivate' : 'Deactivate'} a ${what}`,
      parameters: [pathId(what)],
      responses: { 200: found(what, schema), ...errorResponses(403, 404), ...refusals },
    }),
  })
  return {
    // a tree node with active children cannot go (409), nor come back under an inactive parent (422)
    [`${V1}/${resource}/{id}/deactivate`]: toggle('deactivate', tree ? errorResponses(409) : {}),
    [`${V1}/${resource}/{id}/activate`]: toggle('activate', tree ? errorResponses(422) : {}),
  }
}

const treeNode = (extra: Record<string, Schema>) =>
  record({
    id: id(),
    code: str(),
    name: str(),
    ...extra,
    isActive: bool(),
    createdAt: dateTime(),
    updatedAt: dateTime(),
  })

const upperCased = { description: 'Upper-cased before the pattern is checked.' }

/** A Lucid page: `{ meta, data }`. */
export const paged = (schema: string) =>
  record({ meta: ref('PaginationMeta'), data: arrayOf(ref(schema)) })

export const organisationArea: ApiArea = {
  tag: {
    name: 'organisation',
    description:
      'Departments (承办单位) and categories (事项分类), each a tree. Department users ' +
      'see their own department, or their subtree for leaders; the rest answers 404.',
  },
  schemas: {
    Department: treeNode({
      level: enumOf(DEPARTMENT_LEVELS),
      parentId: nullable(id()),
      contactEmails: arrayOf(str({ format: 'email' })),
      calendarId: nullable(id('The working calendar; null for the default one.')),
    }),
    Category: treeNode({
      parentId: nullable(id()),
      depth: int({ minimum: 1, maximum: 3 }),
      defaultDepartmentId: nullable(id()),
    }),
  },
  paths: {
    [`${V1}/departments`]: {
      get: operation('api.departments.index', {
        summary: 'List the departments the caller may see, ordered as a tree',
        parameters: queryFrom(listDepartmentsValidator, {
          q: { description: 'Part of the name or code.' },
        }),
        responses: {
          200: json('A page of departments.', paged('Department')),
          ...errorResponses(422),
        },
      }),
      post: operation('api.departments.store', {
        summary: 'Create a department',
        body: bodyFrom(createDepartmentValidator, { code: upperCased }),
        responses: {
          201: found('new department', 'Department'),
          ...errorResponses(403, 422),
        },
      }),
    },
    [`${V1}/departments/{id}`]: {
      get: operation('api.departments.show', {
        summary: 'One department',
        parameters: [pathId('department')],
        responses: { 200: found('department', 'Department'), ...errorResponses(404) },
      }),
      patch: operation('api.departments.update', {
        summary: 'Edit a department',
        description:
          'Admins may change every field. Department leaders may change only `contactEmails` ' +
          '(the second shape), within their subtree.',
        parameters: [pathId('department')],
        body: {
          anyOf: [
            bodyFrom(updateDepartmentValidator, { code: upperCased }),
            bodyFrom(updateDepartmentContactsValidator),
          ],
        },
        responses: {
          200: found('department', 'Department'),
          ...errorResponses(403, 404, 422),
        },
      }),
    },
    ...activation('departments', 'department', 'Department'),

    [`${V1}/categories`]: {
      get: operation('api.categories.index', {
        summary: 'The whole category tree, parents before children',
        parameters: queryFrom(listCategoriesValidator, {
          q: { description: 'Part of the name, or the start of the code.' },
        }),
        responses: {
          200: json('Every matching category.', dataOf(arrayOf(ref('Category')))),
          ...errorResponses(422),
        },
      }),
      post: operation('api.categories.store', {
        summary: 'Create a category',
        body: bodyFrom(createCategoryValidator),
        responses: { 201: found('new category', 'Category'), ...errorResponses(403, 422) },
      }),
    },
    [`${V1}/categories/{id}`]: {
      get: operation('api.categories.show', {
        summary: 'One category',
        parameters: [pathId('category')],
        responses: { 200: found('category', 'Category'), ...errorResponses(404) },
      }),
      patch: operation('api.categories.update', {
        summary: 'Edit a category',
        parameters: [pathId('category')],
        body: bodyFrom(updateCategoryValidator),
        responses: {
          200: found('category', 'Category'),
          ...errorResponses(403, 404, 422),
        },
      }),
    },
    ...activation('categories', 'category', 'Category'),
  },
}

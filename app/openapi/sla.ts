import { DURATION_UNITS, SLA_STEPS } from '#domain/sla/steps'
import { CHANNELS, KINDS, URGENCIES } from '#domain/ticket_attributes'
import { deadlinePreviewValidator } from '#validators/deadline_preview'
import { createSlaPolicyValidator, listSlaPoliciesValidator } from '#validators/sla_policy'
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
  noContent,
  nullable,
  num,
  obj,
  pathId,
  queryFrom,
  record,
  ref,
  str,
  type ApiArea,
} from './schema.js'

const day = record({ date: str({ format: 'date' }), name: str() })

export const slaArea: ApiArea = {
  tag: {
    name: 'sla',
    description:
      'Time limits per step (SLA policies, versioned by effectiveFrom) and the deadline ' +
      'calculator. Working units count the calendar’s hours, holidays and 调休.',
  },
  schemas: {
    StepLimit: record({ amount: num({ exclusiveMinimum: 0 }), unit: enumOf(DURATION_UNITS) }),
    SlaPolicy: obj(
      {
        id: id(),
        kind: enumOf(KINDS),
        urgency: enumOf(URGENCIES),
        channel: nullable(enumOf(CHANNELS)),
        categoryId: nullable(id()),
        limits: record(Object.fromEntries(SLA_STEPS.map((step) => [step, ref('StepLimit')]))),
        warningRatio: num({ minimum: 0.1, maximum: 0.99 }),
        maxExtensionsPerRound: int({ minimum: 0 }),
        maxRedoRounds: int({ minimum: 0 }),
        effectiveFrom: dateTime('In force from this instant until a newer version of the key.'),
        createdBy: nullable(id()),
        createdAt: dateTime(),
        updatedAt: dateTime(),
        category: nullable(ref('Category')),
      },
      // `category` is loaded in lists only
      [
        ...['id', 'kind', 'urgency', 'channel', 'categoryId', 'limits', 'warningRatio'],
        ...['maxExtensionsPerRound', 'maxRedoRounds', 'effectiveFrom', 'createdBy'],
        ...['createdAt', 'updatedAt'],
      ]
    ),
    DeadlineExplanation: record({
      unit: enumOf(DURATION_UNITS),
      amount: num(),
      startAt: dateTime(),
      countingStartsAt: dateTime('The first instant that counted.'),
      dueAt: dateTime(),
      holidaysCrossed: arrayOf(day),
      workdaysCrossed: arrayOf(day, { description: 'Adjusted working days (调休上班) counted.' }),
      pausesExcluded: arrayOf(record({ from: dateTime(), to: dateTime(), minutes: num() })),
      calendarIncomplete: bool(),
      missingYears: arrayOf(int()),
    }),
    DeadlinePreview: record({
      from: dateTime(),
      step: enumOf(SLA_STEPS),
      dueAt: dateTime(),
      warnAt: dateTime(),
      calendarIncomplete: bool({ description: 'A year on the way has no holidays loaded.' }),
      missingYears: arrayOf(int()),
      limit: ref('StepLimit'),
      policy: record({
        id: id(),
        kind: enumOf(KINDS),
        urgency: enumOf(URGENCIES),
        channel: nullable(enumOf(CHANNELS)),
        categoryId: nullable(id()),
        warningRatio: num(),
        effectiveFrom: dateTime(),
      }),
      calendar: record({ id: id(), name: str() }),
      explanation: ref('DeadlineExplanation'),
      text: record({ 'zh-CN': str(), 'en': str() }),
    }),
  },
  paths: {
    [`${V1}/deadlines/preview`]: {
      get: operation('api.deadlines.preview', {
        summary: 'When would a step be due if it started at `from`?',
        description: '422 `E_NO_SLA_POLICY` when no policy covers the kind and urgency.',
        parameters: queryFrom(deadlinePreviewValidator, {
          from: { description: 'ISO 8601; without an offset, Asia/Shanghai wall-clock time.' },
          category: { description: 'A category code, e.g. 010101.' },
          calendar: { description: 'A calendar id; the default calendar when omitted.' },
        }),
        responses: {
          200: json('The deadline, explained.', dataOf(ref('DeadlinePreview'))),
          ...errorResponses(422),
        },
      }),
    },
    [`${V1}/sla-policies`]: {
      get: operation('api.sla_policies.index', {
        summary: 'The versions in force and those scheduled; every version with `history`',
        parameters: queryFrom(listSlaPoliciesValidator),
        responses: {
          200: json('Policies by key, newest first.', dataOf(arrayOf(ref('SlaPolicy')))),
          ...errorResponses(403, 422),
        },
      }),
      post: operation('api.sla_policies.store', {
        summary: 'Add a policy version; a version in force never changes',
        body: bodyFrom(createSlaPolicyValidator, {
          effectiveFrom: dateTime('ISO 8601 with offset; now when omitted, never in the past.'),
          limits: { description: 'Every step; day units take whole numbers.' },
        }),
        responses: {
          201: json('The new version.', dataOf(ref('SlaPolicy'))),
          ...errorResponses(403, 422),
        },
      }),
    },
    [`${V1}/sla-policies/{id}`]: {
      delete: operation('api.sla_policies.destroy', {
        summary: 'Withdraw a scheduled version (409 `E_POLICY_IN_FORCE` once it applies)',
        parameters: [pathId('policy version')],
        responses: { 204: noContent, ...errorResponses(403, 404, 409) },
      }),
    },
  },
}

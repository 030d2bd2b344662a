import { ACTIONS } from '#domain/lifecycle/index'
import {
  hotlineIntakeValidator,
  onlineIntakeValidator,
  windowIntakeValidator,
} from '#validators/intake'
import { revealPhoneValidator, ticketActionValidator } from '#validators/ticket_action'
import { requesterLookupValidator, ticketListValidator } from '#validators/ticket_list'
import { errorResponses, invalidTransition, operation } from './components.js'
import { paged } from './organisation.js'
import { ticketSchemas } from './ticket_schemas.js'
import {
  V1,
  bodyFrom,
  dataOf,
  enumOf,
  json,
  pathId,
  queryFrom,
  ref,
  str,
  type ApiArea,
  type JsonSchemaSource,
  type Parameter,
  type PathItem,
} from './schema.js'

/** `register` happens at intake (POST /tickets/{channel}); every other action goes through one route. */
export const TICKET_ACTIONS = ACTIONS.filter((action) => action !== 'register')

const created = json('The registered ticket.', dataOf(ref('TicketSummary')))

function intake(
  channel: 'hotline' | 'window' | 'online',
  validator: JsonSchemaSource,
  what: string
) {
  const path: PathItem = {
    post: operation(`api.tickets.intake.${channel}`, {
      summary: `Register a ticket from ${what}`,
      description:
        'Registers (受理) and starts the deadlines; with `dispatch`, also routes it to a lead ' +
        '(and assisting) department in the same transaction (受理即转办), so it answers ' +
        '`dispatched` with the sign deadline. 422 `E_NO_SLA_POLICY` when no policy ' +
        'covers the kind and urgency.',
      body: bodyFrom(validator, {
        requesterPhone: { description: 'Mainland mobile or landline; stored encrypted.' },
        confidential: { description: 'Withhold the requester’s name from every list and detail.' },
        dispatch: {
          description: 'Route at once: the lead department (and up to 10 assisting ones).',
        },
      }),
      responses: { 201: created, ...errorResponses(403, 422) },
    }),
  }
  return { [`${V1}/tickets/${channel}`]: path }
}

/**
 * qs reads a lone `status=handling` as a string, which the validator's array
 * rule refuses (422); `status[]=handling` is a list of one.
 */
const asList = (parameters: Parameter[], name: string) =>
  parameters.map((parameter) =>
    parameter.name === name ? { ...parameter, name: `${name}[]` } : parameter
  )

const dateFilter = (bound: string) =>
  str({ description: `Created ${bound}: \`YYYY-MM-DD\`, ISO 8601 with offset, or epoch ms.` })

export const ticketsArea: ApiArea = {
  tag: {
    name: 'tickets',
    description:
      'Intake per channel, the scoped ticket list and detail, and every state change ' +
      'through POST /tickets/{id}/actions/{action}. Department users see their own tickets; ' +
      'the rest answers 404.',
  },
  schemas: ticketSchemas,
  paths: {
    ...intake('hotline', hotlineIntakeValidator, 'a call (12345 hotline)'),
    ...intake('window', windowIntakeValidator, 'a 办不成事 window report'),
    ...intake('online', onlineIntakeValidator, 'an online message'),
    [`${V1}/tickets`]: {
      get: operation('api.tickets.index', {
        summary: 'List the tickets the caller may see',
        parameters: asList(
          queryFrom(ticketListValidator, {
            status: { description: 'Repeat for several: `status[]=handling&status[]=returned`.' },
            group: { description: 'open, paused (挂起) or closed.' },
            dueWithinHours: { description: 'Running tickets whose next deadline is this close.' },
            overdue: { description: 'Running tickets past their next deadline.' },
            from: dateFilter('at or after'),
            to: dateFilter('before'),
            q: { description: 'Words to find (full-text, segmented with jieba).' },
          }),
          'status'
        ),
        responses: {
          200: json('A page of tickets.', paged('TicketSummary')),
          ...errorResponses(422),
        },
      }),
    },
    [`${V1}/tickets/{id}`]: {
      get: operation('api.tickets.show', {
        summary: 'One ticket: assignments with deadlines explained, timeline, allowed actions',
        parameters: [pathId('ticket')],
        responses: {
          200: json('The ticket.', dataOf(ref('TicketDetail'))),
          ...errorResponses(404),
        },
      }),
    },
    [`${V1}/tickets/{id}/actions/{action}`]: {
      post: operation('api.tickets.act', {
        summary: 'Take a lifecycle action (派单, 签收, 退单, 答复, 回访, 挂起, 延期, 督办, ...)',
        description:
          'The one way a ticket changes state. Each action reads only its own fields: ' +
          '`reason` (return, suspend, review_reject, ...), `leadDepartmentId` and ' +
          '`assistDepartmentIds` (dispatch, redispatch), `outcome` and `content` (reply), ' +
          '`result` (callback_record), `requestedWorkingDays` (request_extension), ' +
          '`targetTicketId` (merge). A missing one answers 422 on that field. Send ' +
          '`expectedVersion` to be refused (409 `E_STALE_VERSION`) if someone acted first.',
        parameters: [
          pathId('ticket'),
          {
            name: 'action',
            in: 'path',
            required: true,
            description: 'Any lifecycle action but `register`, which is intake.',
            schema: enumOf(TICKET_ACTIONS),
          },
        ],
        body: bodyFrom(ticketActionValidator),
        responses: {
          200: json('The ticket after the action, and what may follow.', ref('TransitionResult')),
          ...errorResponses(403, 404),
          ...invalidTransition,
          ...errorResponses(422),
        },
      }),
    },
    [`${V1}/tickets/{id}/phone`]: {
      post: operation('api.tickets.reveal_phone', {
        summary: 'Show the requester’s full number; the reason is logged',
        parameters: [pathId('ticket')],
        body: bodyFrom(revealPhoneValidator),
        responses: {
          200: json('The number and the audit record.', dataOf(ref('PhoneReveal'))),
          ...errorResponses(403, 404, 422),
        },
      }),
    },
    [`${V1}/requesters/lookup`]: {
      post: operation('api.requesters.lookup', {
        summary: 'A caller’s open tickets and those closed in the last 90 days',
        description:
          'Found through a keyed hash of the number; nothing is decrypted to search. A POST keeps the number out of URLs and access logs.',
        body: bodyFrom(requesterLookupValidator),
        responses: {
          200: json('Newest first.', dataOf(ref('RepeatRequester'))),
          ...errorResponses(403, 422),
        },
      }),
    },
  },
}

import { CONTACT_PREFERENCES } from '#domain/intake/channel_data'
import { ACTIONS, REPLY_OUTCOMES, STATUSES } from '#domain/lifecycle/index'
import { CHANNELS, KINDS, URGENCIES } from '#domain/ticket_attributes'
import {
  arrayOf,
  bool,
  dateTime,
  enumOf,
  id,
  int,
  nullable,
  obj,
  record,
  ref,
  str,
  type Schema,
} from './schema.js'

/**
 * The ticket as app/transformers/ticket_transformer.ts renders it. Instants
 * are Asia/Shanghai wall-clock time with offset.
 */

const STATUS_GROUPS = ['open', 'paused', 'closed'] as const

const summary: Record<string, Schema> = {
  id: id(),
  code: str({ description: 'The ticket number people quote.' }),
  channel: enumOf(CHANNELS),
  kind: enumOf(KINDS),
  urgency: enumOf(URGENCIES),
  categoryId: nullable(id()),
  title: str(),
  status: enumOf(STATUSES),
  statusGroup: enumOf(STATUS_GROUPS),
  round: int({ minimum: 1, description: '1, plus one per redo (重办).' }),
  nextDueAt: nullable(dateTime('The earliest running deadline.')),
  requesterName: nullable(
    str({ description: 'Null when the requester asked for confidentiality.' })
  ),
  requesterPhone: nullable(str({ description: 'Always masked; POST .../phone shows it in full.' })),
  createdAt: dateTime(),
}

const note = nullable(ref('DeadlineNote'))

export const ticketSchemas: Record<string, Schema> = {
  DeadlineNote: obj(
    {
      dueAt: dateTime(),
      warnAt: dateTime(),
      limit: ref('StepLimit'),
      explanation: str({ description: 'Why the deadline is there, in the request’s language.' }),
    },
    ['dueAt']
  ),
  TicketSummary: record(summary),
  TicketAssignment: record({
    id: id(),
    round: int({ minimum: 1 }),
    departmentId: id(),
    departmentName: nullable(str()),
    role: enumOf(['lead', 'assist'], '主办 lead or 协办 assist.'),
    active: bool(),
    dispatchedAt: dateTime(),
    signedAt: nullable(dateTime()),
    returnedAt: nullable(dateTime()),
    returnReason: nullable(str()),
    repliedAt: nullable(dateTime()),
    replyOutcome: nullable(enumOf(REPLY_OUTCOMES)),
    replyContent: nullable(str()),
    deadlines: record({ sign: note, return: note, handle: note }),
  }),
  TicketEvent: record({
    id: id(),
    action: str({ description: 'A lifecycle action, or a system event such as a breach.' }),
    actorId: nullable(id()),
    actorRole: str(),
    fromStatus: nullable(enumOf(STATUSES)),
    toStatus: nullable(enumOf(STATUSES)),
    payload: { type: 'object' },
    at: dateTime(),
  }),
  TicketDetail: record({
    ...summary,
    content: str(),
    address: nullable(str()),
    areaDepartmentId: nullable(id()),
    requesterConfidential: bool(),
    contactPreference: enumOf(CONTACT_PREFERENCES),
    channelData: {
      type: 'object',
      properties: { channel: enumOf(CHANNELS) },
      required: ['channel'],
      description: 'What the channel recorded: the call, the 办不成事 report, the message source.',
    },
    version: int({ minimum: 1, description: 'Send it as expectedVersion to act on what you saw.' }),
    mergedIntoId: nullable(id()),
    slaPolicyId: nullable(id()),
    escalatedAt: nullable(dateTime()),
    closeReason: nullable(str()),
    closedAt: nullable(dateTime()),
    calendarIncomplete: bool(),
    deadlines: record({ redispatch: note, review: note, callback: note }),
    assignments: arrayOf(ref('TicketAssignment')),
    events: arrayOf(ref('TicketEvent'), { description: 'The timeline, oldest first.' }),
    allowedActions: arrayOf(enumOf(ACTIONS), { description: 'What the caller may do now.' }),
  }),
  TransitionResult: record({
    data: ref('TicketSummary'),
    version: int({ minimum: 1 }),
    event: record({ id: id(), action: enumOf(ACTIONS), payload: { type: 'object' } }),
    allowedActions: arrayOf(enumOf(ACTIONS), { description: 'What the caller may do next.' }),
  }),
  RepeatRequester: record({
    open: arrayOf(ref('TicketSummary')),
    recent: arrayOf(ref('TicketSummary'), { description: 'Closed since `since`.' }),
    since: dateTime(),
  }),
  PhoneReveal: record({
    phone: nullable(str()),
    revealId: id('The audit record of this reveal.'),
    revealedAt: dateTime(),
  }),
}

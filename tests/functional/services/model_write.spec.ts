import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Ticket from '#models/ticket'
import { changedColumns, hydrateOriginals } from '#services/model_write'

/** A ticket as the database would hand it back: persisted, with jsonb channel data. */
function storedTicket() {
  const row = new Ticket().merge({
    id: 7,
    code: '2026112300007',
    status: 'dispatched',
    round: 1,
    version: 2,
    nextDueAt: DateTime.fromISO('2026-11-23T11:30:00+08:00'),
    channelData: { channel: 'hotline', callId: 'c-1', callerNumber: '13800001111' },
  })
  row.$isPersisted = true
  return row
}

test.group('hydrateOriginals', () => {
  test('leaves the same originals as Lucid’s $hydrateOriginals', ({ assert }) => {
    const ours = storedTicket()
    const lucids = storedTicket()
    hydrateOriginals(ours)
    lucids.$hydrateOriginals()
    assert.deepEqual(ours.$original, lucids.$original)
    assert.deepEqual(ours.$dirty, {})
    assert.deepEqual(lucids.$dirty, {})
  })

  test('the row is dirty again when a value or a jsonb value changed in place', ({ assert }) => {
    const row = storedTicket()
    hydrateOriginals(row)
    if (row.channelData.channel === 'hotline') row.channelData.callId = 'c-2'
    row.nextDueAt = DateTime.fromISO('2026-11-23T12:00:00+08:00')
    assert.sameMembers(Object.keys(row.$dirty), ['channelData', 'nextDueAt'])
  })

  test('changedColumns binds a DateTime as the Date of the same instant', ({ assert }) => {
    const row = storedTicket()
    hydrateOriginals(row)
    row.closedAt = DateTime.fromISO('2026-11-23T10:00:00+08:00')
    row.status = 'closed'
    const columns = changedColumns(row)
    assert.deepEqual(Object.keys(columns).sort(), ['closed_at', 'status'])
    assert.instanceOf(columns.closed_at, Date)
    assert.equal((columns.closed_at as Date).toISOString(), '2026-11-23T02:00:00.000Z')
  })
})

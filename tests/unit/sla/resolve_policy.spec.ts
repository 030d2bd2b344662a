import { test } from '@japa/runner'
import { resolvePolicy, type PolicyCandidate } from '#domain/sla/resolve_policy'

type Row = PolicyCandidate & { id: string }

const t = (iso: string) => Date.parse(iso)
const row = (id: string, overrides: Partial<Row> = {}): Row => ({
  id,
  kind: 'complaint',
  urgency: 'normal',
  channel: null,
  categoryPath: null,
  effectiveFromMs: t('2020-01-01T00:00:00+08:00'),
  ...overrides,
})

const rows: Row[] = [
  row('generic'),
  row('generic-2027', { effectiveFromMs: t('2027-01-01T00:00:00+08:00') }),
  row('urgent', { urgency: 'urgent' }),
  row('help', { kind: 'help' }),
  row('national', { channel: 'national' }),
  row('cat-construction', { categoryPath: '/1/' }),
  row('cat-property', { categoryPath: '/1/2/' }),
  row('cat-property-window', { categoryPath: '/1/2/', channel: 'window' }),
  row('cat-transport', { categoryPath: '/9/' }),
]

test('resolvePolicy picks {$self}')
  .with([
    { name: 'the generic row', query: {}, expected: 'generic' },
    { name: 'by urgency', query: { urgency: 'urgent' }, expected: 'urgent' },
    { name: 'by kind', query: { kind: 'help' }, expected: 'help' },
    {
      name: 'the channel row for its channel',
      query: { channel: 'national' },
      expected: 'national',
    },
    {
      name: 'the generic row for another channel',
      query: { channel: 'hotline' },
      expected: 'generic',
    },
    {
      name: 'a category row for the category itself',
      query: { categoryPath: '/1/' },
      expected: 'cat-construction',
    },
    {
      name: 'an ancestor category row for a child',
      query: { categoryPath: '/1/7/' },
      expected: 'cat-construction',
    },
    {
      name: 'the deepest category row',
      query: { categoryPath: '/1/2/30/' },
      expected: 'cat-property',
    },
    {
      name: 'category over channel',
      query: { categoryPath: '/1/2/', channel: 'national' },
      expected: 'cat-property',
    },
    {
      name: 'category and channel together',
      query: { categoryPath: '/1/2/', channel: 'window' },
      expected: 'cat-property-window',
    },
    { name: 'not a sibling category', query: { categoryPath: '/12/' }, expected: 'generic' },
    {
      name: 'the newer version once in force',
      query: { atMs: t('2027-03-01T09:00:00+08:00') },
      expected: 'generic-2027',
    },
    {
      name: 'the old version before the new one takes effect',
      query: { atMs: t('2026-12-31T23:59:59+08:00') },
      expected: 'generic',
    },
    {
      name: 'a specific old row over a newer generic one',
      query: { categoryPath: '/9/', atMs: t('2027-03-01T09:00:00+08:00') },
      expected: 'cat-transport',
    },
  ])
  .run(({ assert }, { query, expected }) => {
    const result = resolvePolicy(rows, {
      kind: 'complaint',
      urgency: 'normal',
      atMs: t('2026-11-23T10:00:00+08:00'),
      ...query,
    } as Parameters<typeof resolvePolicy>[1])
    assert.equal(result?.id, expected)
  })

test('resolvePolicy returns null when nothing is in force yet', ({ assert }) => {
  const result = resolvePolicy(rows, {
    kind: 'complaint',
    urgency: 'normal',
    atMs: t('2019-01-01T00:00:00Z'),
  })
  assert.isNull(result)
})

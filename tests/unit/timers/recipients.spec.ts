import { test } from '@japa/runner'
import { pickRecipients, type Audience, type Recipient } from '#timers/recipients'

/*
 * Who hears about a department's deadline, from the accounts one query
 * loaded for a whole batch. Departments: city 1 (/1/), bureau 2 (/1/2/),
 * street 3 under district 4 (/1/4/3/), bureau 12 (/1/12/: its path starts
 * like bureau 2's, /1/2, but is not under it).
 */
const people: Recipient[] = [
  { id: 1, email: 'sup@x', role: 'supervisor', departmentId: null, departmentPath: '' },
  { id: 2, email: 'staff2@x', role: 'department_staff', departmentId: 2, departmentPath: '/1/2/' },
  { id: 3, email: 'lead2@x', role: 'department_leader', departmentId: 2, departmentPath: '/1/2/' },
  { id: 4, email: 'lead1@x', role: 'department_leader', departmentId: 1, departmentPath: '/1/' },
  { id: 5, email: 'lead4@x', role: 'department_leader', departmentId: 4, departmentPath: '/1/4/' },
  {
    id: 6,
    email: 'staff3@x',
    role: 'department_staff',
    departmentId: 3,
    departmentPath: '/1/4/3/',
  },
  {
    id: 7,
    email: 'staff12@x',
    role: 'department_staff',
    departmentId: 12,
    departmentPath: '/1/12/',
  },
  {
    id: 8,
    email: 'lead12@x',
    role: 'department_leader',
    departmentId: 12,
    departmentPath: '/1/12/',
  },
  { id: 9, email: 'op@x', role: 'operator', departmentId: null, departmentPath: '' },
]

const departments = {
  bureau2: { id: 2, path: '/1/2/' },
  street3: { id: 3, path: '/1/4/3/' },
  bureau12: { id: 12, path: '/1/12/' },
}

const cases: {
  name: string
  audiences: Audience[]
  department: keyof typeof departments
  ids: number[]
}[] = [
  {
    name: 'warning: the department’s own staff and leader',
    audiences: ['department'],
    department: 'bureau2',
    ids: [2, 3],
  },
  {
    name: 'leaders of a bureau: its own and the city’s',
    audiences: ['leaders'],
    department: 'bureau2',
    ids: [3, 4],
  },
  {
    name: 'leaders of a street: district and city, not the street’s siblings',
    audiences: ['leaders'],
    department: 'street3',
    ids: [4, 5],
  },
  {
    name: 'a path prefix is not an ancestor (/1/12/ is not under /1/2/)',
    audiences: ['leaders'],
    department: 'bureau12',
    ids: [4, 8],
  },
  {
    name: 'due: department and leaders, each person once',
    audiences: ['department', 'leaders'],
    department: 'bureau2',
    ids: [2, 3, 4],
  },
  {
    name: 'escalation: supervisors only (operators never)',
    audiences: ['supervisors'],
    department: 'street3',
    ids: [1],
  },
  { name: 'no audience: nobody', audiences: [], department: 'bureau2', ids: [] },
]

test.group('pickRecipients: the ladder’s audiences', () => {
  test('{name}')
    .with(cases)
    .run(({ assert }, row) => {
      const picked = pickRecipients(people, row.audiences, departments[row.department])
      assert.deepEqual(
        picked.map((person) => person.id),
        row.ids
      )
    })
})

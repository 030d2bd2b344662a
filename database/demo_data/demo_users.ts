import type { Role } from '#domain/roles'

/** The password every demo account shares (README lists it). Demo data only. */
export const DEMO_PASSWORD = 'Jiesu@12345'

export interface DemoUserSeed {
  email: string
  fullName: string
  role: Role
  departmentCode: string | null
}

/** One account per role, each on a realistic desk of the demo city. */
export const demoUserSeeds: DemoUserSeed[] = [
  {
    email: 'admin@km12345.example',
    fullName: '系统管理员 王强',
    role: 'admin',
    departmentCode: null,
  },
  {
    email: 'operator@km12345.example',
    fullName: '话务员 李娜',
    role: 'operator',
    departmentCode: null,
  },
  {
    email: 'supervisor@km12345.example',
    fullName: '督办员 张敏',
    role: 'supervisor',
    departmentCode: null,
  },
  {
    email: 'staff@km12345.example',
    fullName: '呈贡区住建局 赵磊',
    role: 'department_staff',
    departmentCode: '530114-ZJ',
  },
  {
    email: 'leader@km12345.example',
    fullName: '呈贡区人民政府 陈静',
    role: 'department_leader',
    departmentCode: '530114',
  },
  {
    email: 'auditor@km12345.example',
    fullName: '审计员 刘洋',
    role: 'auditor',
    departmentCode: null,
  },
]

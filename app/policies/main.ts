/*
 * Every Bouncer policy, loaded lazily. Listed by hand rather than generated so
 * that no build step has to run before the app can boot.
 */
export const policies = {
  DepartmentPolicy: () => import('#policies/department_policy'),
  CategoryPolicy: () => import('#policies/category_policy'),
  UserPolicy: () => import('#policies/user_policy'),
  ApiClientPolicy: () => import('#policies/api_client_policy'),
  CalendarPolicy: () => import('#policies/calendar_policy'),
  SlaPolicyPolicy: () => import('#policies/sla_policy_policy'),
  TicketPolicy: () => import('#policies/ticket_policy'),
}

import * as z from 'zod';
import { idSchema, isoDateTimeSchema, statusCountsSchema } from './common.js';

/** Body of `POST /v1/orgs` (operator). */
export const createOrgRequestSchema = z.object({ name: z.string().trim().min(1).max(100) });
/** Body of `POST /v1/orgs`. */
export type CreateOrgRequest = z.infer<typeof createOrgRequestSchema>;

/** Answer (`201`) to `POST /v1/orgs`. `adminToken` is shown this once; the server keeps only its hash. */
export const createOrgResponseSchema = z.object({
  orgId: idSchema,
  name: z.string(),
  adminToken: z.string().min(16),
  createdAt: isoDateTimeSchema,
});
/** Answer to `POST /v1/orgs`. */
export type CreateOrgResponse = z.infer<typeof createOrgResponseSchema>;

/** An identity document, hashed by the server into a subject id and then forgotten. */
export const identityDocumentSchema = z.object({
  type: z.string().min(1).max(32),
  number: z.string().trim().min(1).max(64),
});

/**
 * Body of `POST /v1/orgs/:orgId/employees`: either a subject id the organisation
 * already knows, or an identity document. `label` is the organisation's own reference
 * (a staff number), shown on the dashboard.
 */
export const addEmployeeRequestSchema = z.union([
  z.strictObject({ subjectId: z.string().min(1).max(128), label: z.string().max(64).optional() }),
  z.strictObject({ identityDocument: identityDocumentSchema, label: z.string().max(64).optional() }),
]);
/** Body of `POST /v1/orgs/:orgId/employees`. */
export type AddEmployeeRequest = z.infer<typeof addEmployeeRequestSchema>;

/** One employee as the organisation sees it. */
export const employeeSchema = z.object({
  employeeId: idSchema,
  subjectId: z.string(),
  label: z.string().optional(),
});
/** One employee of an organisation. */
export type Employee = z.infer<typeof employeeSchema>;

/** Body of `POST /v1/orgs/:orgId/venues`. */
export const addVenueRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  address: z.string().trim().max(200).optional(),
});
/** Body of `POST /v1/orgs/:orgId/venues`. */
export type AddVenueRequest = z.infer<typeof addVenueRequestSchema>;

/** A place where codes are scanned. */
export const venueSchema = z.object({
  venueId: idSchema,
  orgId: idSchema,
  name: z.string(),
  address: z.string().optional(),
});
/** A place where codes are scanned. */
export type Venue = z.infer<typeof venueSchema>;

/**
 * Answer (`201`) to `POST /v1/orgs/:orgId/venues`. `scannerToken` authorises check-ins
 * at this venue; it is shown this once and the server keeps only its hash.
 */
export const addVenueResponseSchema = venueSchema.extend({ scannerToken: z.string().min(16) });
/** Answer to `POST /v1/orgs/:orgId/venues`. */
export type AddVenueResponse = z.infer<typeof addVenueResponseSchema>;

/** Query of `GET /v1/orgs/:orgId/dashboard`: the day, in Asia/Shanghai time; today when omitted. */
export const dashboardQuerySchema = z.object({
  date: z.iso.date().optional(),
});

/** Body of `GET /v1/orgs/:orgId/dashboard`: one day of one organisation. */
export const dashboardResponseSchema = z.object({
  orgId: idSchema,
  name: z.string(),
  /** `YYYY-MM-DD`, a day in `timeZone`. */
  date: z.iso.date(),
  timeZone: z.literal('Asia/Shanghai'),
  generatedAt: isoDateTimeSchema,
  employees: z.object({
    total: z.number().int().nonnegative(),
    /** Latest status of each employee who declared that day. */
    byStatus: statusCountsSchema,
    notDeclared: z.array(employeeSchema),
  }),
  visitors: z.object({
    /** Distinct non-employees with a valid code checked in at this organisation's venues. */
    total: z.number().int().nonnegative(),
    byStatus: statusCountsSchema,
  }),
  venues: z.array(
    z.object({
      venueId: idSchema,
      name: z.string(),
      checkins: z.number().int().nonnegative(),
      /** Check-ins whose code did not verify. */
      rejected: z.number().int().nonnegative(),
      byStatus: statusCountsSchema,
    }),
  ),
});
/** Body of `GET /v1/orgs/:orgId/dashboard`. */
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;

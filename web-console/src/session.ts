import type { User } from 'oidc-client-ts';

/** Where the console signs in: served by the gateway at run time, so one build fits every installation. */
export interface ConsoleConfig {
  issuer: string;
  clientId: string;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console-config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`console-config.json: ${response.status}`);
  }
  return response.json();
}

export const ROLES = [
  'VILLAGE_OFFICER',
  'TOWNSHIP_REVIEWER',
  'COUNTY_APPROVER',
  'DEPARTMENT_OFFICER',
  'SUPERVISOR',
  'INSPECTOR',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user as the API sees them: the access token's claims. */
export interface Profile {
  id: string;
  name: string;
  roles: Role[];
  region: string;
  department?: string;
}

/** Reads the access token's claims for the menus; the gateway and the services validate the token itself. */
export function profileOf(user: User): Profile {
  const payload = user.access_token.split('.')[1] ?? '';
  const json = new TextDecoder().decode(
    Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  );
  const claims = JSON.parse(json) as Record<string, unknown>;
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  return {
    id: String(claims.sub ?? ''),
    name: String(claims.name ?? user.profile.name ?? ''),
    roles: roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role)),
    region: String(claims.region ?? ''),
    department: typeof claims.department === 'string' ? claims.department : undefined,
  };
}

export function hasRole(profile: Profile, ...roles: Role[]): boolean {
  return profile.roles.some((role) => roles.includes(role));
}

/** The API's answers, as far as the console reads them. */
export interface LeadView {
  leadId: string; householdId: string; regionCode: string; channel: string; stage: string;
  reidentification: boolean; description?: string; mergedLeads: number; reportedOn: string;
  verificationDueOn?: string; decisionDueOn?: string; verifiedOn?: string; perCapitaNetIncome?: number;
  labourCapacity?: string; collector?: string; guaranteeGaps?: string; noticeFrom?: string; noticeUntil?: string;
  decidedOn?: string; objectType?: string; riskTypes?: string; judgement?: string; seq: number; overdue: boolean;
}

export interface Named { code: string; name: string }

export interface HouseholdStatus { status: Named; warningLevel?: Named | null; flags: Named[] }

/**
 * The business date of a step (happenedOn) beside its recording time (occurredAt): `dates` reads both where they
 * differ and is absent where they do not; `imported` names the file and line of a step brought in from the old ledger.
 */
interface Dated { happenedOn?: string; dates?: string | null; backdatingNote?: string | null }

export interface TimelineEntry extends Dated {
  sequence: number; eventId: string; type: string; kind: string; occurredAt: string;
  imported?: { file: string; row?: number | null; text: string } | null;
  actor: { id: string; name: string; role: string; region: string }; correlationId: string; summary: string;
}

export interface Timeline { householdId: string; regionCode: string; status?: HouseholdStatus | null; entries: TimelineEntry[] }

export interface LogEntry extends Dated {
  imported?: string | null;
  position: number; eventId: string; subject: string; regionCode: string; type: string; occurredAt: string;
  actorId: string; actorName: string; actorRole: string; correlationId: string; summary: string;
}

export interface EventPage { entries: LogEntry[]; nextCursor?: number | null }

/** A household as the search lists it: the head's ID number is masked for every role that must not see it. */
export interface HouseholdFound {
  householdId: string; headName?: string | null; headIdNumber?: string | null; regionCode: string; status: Named;
  objectType?: Named | null; warningLevel?: Named | null;
}

export interface HouseholdPage { households: HouseholdFound[]; nextCursor?: string | null }

/** One step's own data; `masked` names the personal fields the service masked or withheld for this reader. */
export interface EventData {
  eventId: string; type: string; occurredAt: string; happenedOn?: string; summary: string;
  data: Record<string, unknown> | null; masked: string[];
}

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

export interface TimelineEntry {
  sequence: number; eventId: string; type: string; kind: string; occurredAt: string;
  actor: { id: string; name: string; role: string; region: string }; correlationId: string; summary: string;
}

export interface Timeline { householdId: string; regionCode: string; status?: HouseholdStatus | null; entries: TimelineEntry[] }

export interface LogEntry {
  position: number; eventId: string; subject: string; regionCode: string; type: string; occurredAt: string;
  actorId: string; actorName: string; actorRole: string; correlationId: string; summary: string;
}

export interface EventPage { entries: LogEntry[]; nextCursor?: number | null }

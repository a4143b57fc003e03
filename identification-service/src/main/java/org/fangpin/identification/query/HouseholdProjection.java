package org.fangpin.identification.query;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.identification.CountyReturned;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.IdentificationOverdue;
import org.fangpin.contracts.identification.IdentificationRejected;
import org.fangpin.contracts.identification.LeadMerged;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.identification.MemberRemoved;
import org.fangpin.contracts.identification.PublicNoticeObjectionRecorded;
import org.fangpin.contracts.identification.ReidentificationOpened;
import org.fangpin.contracts.identification.TownshipApproved;
import org.fangpin.contracts.identification.TownshipReturned;
import org.fangpin.contracts.identification.VillageEvaluationRecorded;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.identification.command.CaseStage;
import org.fangpin.identification.command.Deadline;
import org.fangpin.identification.command.InternalEvents.BackdatingNoted;
import org.fangpin.identification.command.InternalEvents.DecisionThresholdsRecorded;
import org.fangpin.identification.command.InternalEvents.IdentificationImported;
import org.fangpin.identification.command.InternalEvents.RiskEliminationNoted;
import org.fangpin.identification.command.InternalEvents.RiskRollbackNoted;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.Provenance;
import org.fangpin.platform.axon.ProjectionWriter;

/**
 * The registry, member and lead screens. A subscribing processor whose errors propagate: the rows change in the
 * same transaction as the events, so a lead can be looked up the moment its report returns, and a second current
 * registration of the same ID number (unique index) undoes the command that caused it. Writes go through the
 * {@link ProjectionWriter}, keyed by household, so that an import's batch of households reaches PostgreSQL in a few
 * JDBC batches rather than a round trip per row.
 */
@Component
@ProcessingGroup(HouseholdProjection.PROCESSING_GROUP)
class HouseholdProjection {

    static final String PROCESSING_GROUP = "ReadModel_Households";
    private static final ObjectMapper JSON = EnvelopeCodec.mapper();
    /** The channel of a case taken from the existing register: it came through none of the live ones. */
    static final String IMPORTED_CHANNEL = "IMPORT";

    private final JdbcClient jdbc;
    private final ProjectionWriter writer;

    HouseholdProjection(JdbcClient jdbc, ProjectionWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    @EventHandler
    void on(HouseholdRegistered event, EventMessage<?> message) {
        writer.write(event.householdId(), """
                        INSERT INTO household_view (household_id, region_code, village_group, head_name, head_id_number,
                                                    category, category_flags, member_count, registered_at)
                        VALUES (:id, :region, :group, :name, :idNumber, :category, :flags, :members, :at)""", new MapSqlParameterSource()
                .addValue("id", event.householdId())
                .addValue("region", event.regionCode())
                .addValue("group", event.villageGroup())
                .addValue("name", event.headName())
                .addValue("idNumber", event.headIdNumber())
                .addValue("category", event.category().name())
                .addValue("flags", names(event.categoryFlags()))
                .addValue("members", event.memberCount())
                .addValue("at", Timestamp.from(message.getTimestamp())));
    }

    @EventHandler
    void on(MemberAdded event) {
        writer.write(event.householdId(), """
                        INSERT INTO member_view (member_id, household_id, name, id_number, relation, birth_date,
                                                 labour_capacity, health, schooling, employment, joined_by, joined_on)
                        VALUES (:member, :household, :name, :idNumber, :relation, :birth, :labour, :health,
                                :schooling, :employment, :change, :on)""", new MapSqlParameterSource()
                .addValue("member", event.memberId())
                .addValue("household", event.householdId())
                .addValue("name", event.name())
                .addValue("idNumber", event.idNumber())
                .addValue("relation", event.relation().name())
                .addValue("birth", event.birthDate())
                .addValue("labour", event.labourCapacity() == null ? null : event.labourCapacity().name())
                .addValue("health", event.health() == null ? null : event.health().name())
                .addValue("schooling", event.schooling())
                .addValue("employment", event.employment())
                .addValue("change", event.change())
                .addValue("on", event.changedOn()));
        if (!"REGISTRATION".equals(event.change())) {
            adjustMemberCount(event.householdId(), 1);
        }
    }

    @EventHandler
    void on(MemberRemoved event) {
        writer.write(event.householdId(), "UPDATE member_view SET left_by = :change, left_on = :on WHERE member_id = :member", new MapSqlParameterSource()
                .addValue("change", event.change())
                .addValue("on", event.changedOn())
                .addValue("member", event.memberId()));
        adjustMemberCount(event.householdId(), -1);
    }

    @EventHandler
    void on(LeadReported event, EventMessage<?> message) {
        openLead(event.leadId(), event.householdId(), event.regionCode(), event.channel().name(), event.description(),
                event.reportedOn(), event.verificationDueOn(), event.decisionDueOn(), false);
        step(event.leadId(), message, "LEAD_REPORTED", event.channel().chineseName());
    }

    @EventHandler
    void on(ReidentificationOpened event, EventMessage<?> message) {
        openLead(event.leadId(), event.householdId(), event.regionCode(), event.channel().name(), event.reason(),
                event.reportedOn(), event.verificationDueOn(), event.decisionDueOn(), true);
        step(event.leadId(), message, "REIDENTIFICATION_OPENED", event.reason());
    }

    @EventHandler
    void on(LeadMerged event, EventMessage<?> message) {
        writer.write(event.householdId(), "UPDATE lead_view SET merged_leads = merged_leads + 1 WHERE lead_id = :lead", new MapSqlParameterSource()
                .addValue("lead", event.leadId()));
        step(event.leadId(), message, "LEAD_MERGED", event.channel().chineseName()
                + (event.description() == null ? "" : "：" + event.description()));
    }

    @EventHandler
    void on(HouseholdVerified event, EventMessage<?> message) {
        writer.write(event.householdId(), """
                        UPDATE lead_view SET stage = :stage, verified_on = :on, per_capita_net_income = :income,
                               labour_capacity = :labour, collector = :collector,
                               rigid_expenditures = CAST(:expenditures AS jsonb), guarantee_gaps = :gaps
                        WHERE lead_id = :lead""", new MapSqlParameterSource()
                .addValue("stage", CaseStage.VERIFIED.name())
                .addValue("on", event.verifiedOn())
                .addValue("income", event.perCapitaNetIncome())
                .addValue("labour", event.labourCapacity().name())
                .addValue("collector", event.collector())
                .addValue("expenditures", json(event.rigidExpenditures()))
                .addValue("gaps", names(event.guaranteeGaps()))
                .addValue("lead", event.leadId()));
        step(event.leadId(), message, "VERIFIED", "采集人 " + event.collector());
    }

    @EventHandler
    void on(VillageEvaluationRecorded event, EventMessage<?> message) {
        boolean afterTheFact = Boolean.TRUE.equals(event.recordedAfterTheFact());
        writer.write(event.householdId(), """
                        UPDATE lead_view SET stage = :stage, notice_from = :from, notice_until = :until,
                               notice_recorded_after_the_fact = :afterTheFact
                        WHERE lead_id = :lead""", new MapSqlParameterSource()
                .addValue("stage", CaseStage.PUBLIC_NOTICE.name())
                .addValue("from", event.noticeFrom())
                .addValue("until", event.noticeUntil())
                .addValue("afterTheFact", afterTheFact)
                .addValue("lead", event.leadId()));
        step(event.leadId(), message, "VILLAGE_EVALUATED", afterTheFact
                ? event.opinion() + "（公示补录：公示期 " + event.noticeFrom() + " 至 " + event.noticeUntil()
                        + " 在录入前已结束）"
                : event.opinion());
    }

    @EventHandler
    void on(PublicNoticeObjectionRecorded event, EventMessage<?> message) {
        step(event.leadId(), message, "OBJECTION_RECORDED", event.objection() + "；处理：" + event.handling());
    }

    @EventHandler
    void on(TownshipApproved event, EventMessage<?> message) {
        stage(event.householdId(), event.leadId(), CaseStage.TOWNSHIP_APPROVED);
        step(event.leadId(), message, "TOWNSHIP_APPROVED", event.opinion());
    }

    @EventHandler
    void on(TownshipReturned event, EventMessage<?> message) {
        stage(event.householdId(), event.leadId(), CaseStage.RETURNED_TO_VILLAGE);
        step(event.leadId(), message, "TOWNSHIP_RETURNED", event.reason());
    }

    @EventHandler
    void on(CountyReturned event, EventMessage<?> message) {
        stage(event.householdId(), event.leadId(), CaseStage.PUBLIC_NOTICE);
        step(event.leadId(), message, "COUNTY_RETURNED", event.reason());
    }

    @EventHandler
    void on(IdentificationOverdue event, EventMessage<?> message) {
        String column = Deadline.valueOf(event.deadline()) == Deadline.VERIFICATION
                ? "verification_overdue_raised" : "decision_overdue_raised";
        writer.write(event.householdId(), "UPDATE lead_view SET " + column + " = true WHERE lead_id = :lead", new MapSqlParameterSource()
                .addValue("lead", event.leadId()));
        step(event.leadId(), message, "OVERDUE_" + event.deadline(), "时限 " + event.dueOn());
    }

    /** An identification from the existing register: a case with no steps before it, decided on its own day. */
    @EventHandler
    void on(IdentificationImported event, EventMessage<?> message) {
        writer.write(event.householdId(), """
                        INSERT INTO lead_view (lead_id, household_id, region_code, channel, stage, reported_on,
                                               description, per_capita_net_income, labour_capacity)
                        VALUES (:lead, :household, :region, :channel, :stage, :on, :description, :income, :labour)""", new MapSqlParameterSource()
                .addValue("lead", event.leadId())
                .addValue("household", event.householdId())
                .addValue("region", event.regionCode())
                .addValue("channel", IMPORTED_CHANNEL)
                .addValue("stage", CaseStage.REPORTED.name())
                .addValue("on", event.identifiedOn())
                .addValue("description", "存量导入")
                .addValue("income", event.perCapitaNetIncome())
                .addValue("labour", event.labourCapacity() == null ? null : event.labourCapacity().name()));
        Object source = message.getMetaData().get(Provenance.IMPORT_SOURCE);
        Object row = message.getMetaData().get(Provenance.IMPORT_ROW);
        step(event.leadId(), message, "IMPORTED", source == null ? "存量导入"
                : "存量导入：" + source + " 第 " + row + " 行");
    }

    @EventHandler
    void on(HouseholdIdentified event, EventMessage<?> message) {
        decided(event.leadId(), event.householdId(), event.objectType(), event.riskTypes(), event.identifiedOn(),
                message);
    }

    @EventHandler
    void on(HouseholdReidentified event, EventMessage<?> message) {
        decided(event.leadId(), event.householdId(), event.objectType(), event.riskTypes(), event.reidentifiedOn(),
                message);
        writer.write(event.householdId(), "UPDATE household_view SET risk_eliminated = false WHERE household_id = :household", new MapSqlParameterSource()
                .addValue("household", event.householdId()));
    }

    @EventHandler
    void on(IdentificationRejected event, EventMessage<?> message) {
        writer.write(event.householdId(), """
                        UPDATE lead_view SET stage = :stage, decided_on = :on, judgement = :judgement
                        WHERE lead_id = :lead""", new MapSqlParameterSource()
                .addValue("stage", CaseStage.REJECTED.name())
                .addValue("on", event.rejectedOn())
                .addValue("judgement", event.judgement())
                .addValue("lead", event.leadId()));
        writer.write(event.householdId(), "UPDATE household_view SET open_lead_id = NULL WHERE household_id = :household", new MapSqlParameterSource()
                .addValue("household", event.householdId()));
        step(event.leadId(), message, "REJECTED", event.judgement());
    }

    @EventHandler
    void on(DecisionThresholdsRecorded event) {
        writer.write(event.householdId(), """
                        UPDATE lead_view SET decision_policy_region = :region, decision_policy_year = :year,
                               decision_thresholds = CAST(:thresholds AS jsonb)
                        WHERE lead_id = :lead""", new MapSqlParameterSource()
                .addValue("region", event.policyRegionPrefix())
                .addValue("year", event.policyYear())
                .addValue("thresholds", json(event.thresholds()))
                .addValue("lead", event.leadId()));
    }

    @EventHandler
    void on(BackdatingNoted event, EventMessage<?> message) {
        step(event.leadId(), message, "BACKDATING_NOTED", "县级审定日期 " + event.decidedOn() + "，"
                + event.recordedOn() + " 补录：" + event.note());
    }

    @EventHandler
    void on(RiskEliminationNoted event) {
        riskEliminated(event.householdId(), true);
    }

    @EventHandler
    void on(RiskRollbackNoted event) {
        riskEliminated(event.householdId(), false);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE lead_step, lead_view, member_view, household_view").update();
    }

    private void openLead(String leadId, String householdId, String regionCode, String channel, String description,
                          LocalDate reportedOn, LocalDate verificationDueOn,
                          LocalDate decisionDueOn, boolean reidentification) {
        writer.write(householdId, """
                        INSERT INTO lead_view (lead_id, household_id, region_code, channel, stage, reported_on,
                                               description, verification_due_on, decision_due_on, reidentification)
                        VALUES (:lead, :household, :region, :channel, :stage, :on, :description, :verificationDue,
                                :decisionDue, :reidentification)""", new MapSqlParameterSource()
                .addValue("lead", leadId)
                .addValue("household", householdId)
                .addValue("region", regionCode)
                .addValue("channel", channel)
                .addValue("stage", CaseStage.REPORTED.name())
                .addValue("on", reportedOn)
                .addValue("description", description)
                .addValue("verificationDue", verificationDueOn)
                .addValue("decisionDue", decisionDueOn)
                .addValue("reidentification", reidentification));
        writer.write(householdId, "UPDATE household_view SET open_lead_id = :lead WHERE household_id = :household", new MapSqlParameterSource()
                .addValue("lead", leadId)
                .addValue("household", householdId));
    }

    private void decided(String leadId, String householdId, ObjectType objectType, List<RiskType> riskTypes,
                         LocalDate on, EventMessage<?> message) {
        writer.write(householdId, """
                        UPDATE lead_view SET stage = :stage, decided_on = :on, object_type = :type, risk_types = :risks
                        WHERE lead_id = :lead""", new MapSqlParameterSource()
                .addValue("stage", CaseStage.IDENTIFIED.name())
                .addValue("on", on)
                .addValue("type", objectType.name())
                .addValue("risks", names(riskTypes))
                .addValue("lead", leadId));
        writer.write(householdId, "UPDATE household_view SET open_lead_id = NULL, object_type = :type WHERE household_id = :household", new MapSqlParameterSource()
                .addValue("type", objectType.name())
                .addValue("household", householdId));
        step(leadId, message, "IDENTIFIED", objectType.chineseName() + "（"
                + riskTypes.stream().map(RiskType::chineseName).collect(Collectors.joining("、")) + "）");
    }

    private void stage(String householdId, String leadId, CaseStage stage) {
        writer.write(householdId, "UPDATE lead_view SET stage = :stage WHERE lead_id = :lead", new MapSqlParameterSource()
                .addValue("stage", stage.name())
                .addValue("lead", leadId));
    }

    private void riskEliminated(String householdId, boolean eliminated) {
        writer.write(householdId, "UPDATE household_view SET risk_eliminated = :eliminated WHERE household_id = :household", new MapSqlParameterSource()
                .addValue("eliminated", eliminated)
                .addValue("household", householdId));
    }

    private void adjustMemberCount(String householdId, int by) {
        writer.write(householdId, "UPDATE household_view SET member_count = member_count + :by WHERE household_id = :household", new MapSqlParameterSource()
                .addValue("by", by)
                .addValue("household", householdId));
    }

    private void step(String leadId, EventMessage<?> message, String step, String note) {
        Actor actor = Actor.fromMetaData(message.getMetaData()).orElse(null);
        writer.write(householdOf(message), """
                        INSERT INTO lead_step (lead_id, event_id, step, note, actor_name, actor_role, occurred_at)
                        VALUES (:lead, :event, :step, :note, :name, :role, :at)""", new MapSqlParameterSource()
                .addValue("lead", leadId)
                .addValue("event", message.getIdentifier())
                .addValue("step", step)
                .addValue("note", note)
                .addValue("name", actor == null ? null : actor.name())
                .addValue("role", actor == null ? null : actor.role().name())
                .addValue("at", Timestamp.from(message.getTimestamp())));
    }

    /** Every event handled here is a {@code Household}'s, whose identifier is the household's. */
    private static String householdOf(EventMessage<?> message) {
        return ((DomainEventMessage<?>) message).getAggregateIdentifier();
    }

    private static String names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(value.getClass().getSimpleName() + " cannot be written", e);
        }
    }
}

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
        write(event.householdId(), """
                        INSERT INTO household_view (household_id, region_code, village_group, head_name, head_id_number,
                                                    category, category_flags, member_count, registered_at)
                        VALUES (:id, :region, :group, :name, :idNumber, :category, :flags, :members, :at)""")
                .param("id", event.householdId())
                .param("region", event.regionCode())
                .param("group", event.villageGroup())
                .param("name", event.headName())
                .param("idNumber", event.headIdNumber())
                .param("category", event.category().name())
                .param("flags", names(event.categoryFlags()))
                .param("members", event.memberCount())
                .param("at", Timestamp.from(message.getTimestamp()))
                .update();
    }

    @EventHandler
    void on(MemberAdded event) {
        write(event.householdId(), """
                        INSERT INTO member_view (member_id, household_id, name, id_number, relation, birth_date,
                                                 labour_capacity, health, schooling, employment, joined_by, joined_on)
                        VALUES (:member, :household, :name, :idNumber, :relation, :birth, :labour, :health,
                                :schooling, :employment, :change, :on)""")
                .param("member", event.memberId())
                .param("household", event.householdId())
                .param("name", event.name())
                .param("idNumber", event.idNumber())
                .param("relation", event.relation().name())
                .param("birth", event.birthDate())
                .param("labour", event.labourCapacity() == null ? null : event.labourCapacity().name())
                .param("health", event.health() == null ? null : event.health().name())
                .param("schooling", event.schooling())
                .param("employment", event.employment())
                .param("change", event.change())
                .param("on", event.changedOn())
                .update();
        if (!"REGISTRATION".equals(event.change())) {
            adjustMemberCount(event.householdId(), 1);
        }
    }

    @EventHandler
    void on(MemberRemoved event) {
        write(event.householdId(), "UPDATE member_view SET left_by = :change, left_on = :on WHERE member_id = :member")
                .param("change", event.change()).param("on", event.changedOn()).param("member", event.memberId())
                .update();
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
        write(event.householdId(), "UPDATE lead_view SET merged_leads = merged_leads + 1 WHERE lead_id = :lead")
                .param("lead", event.leadId()).update();
        step(event.leadId(), message, "LEAD_MERGED", event.channel().chineseName()
                + (event.description() == null ? "" : "：" + event.description()));
    }

    @EventHandler
    void on(HouseholdVerified event, EventMessage<?> message) {
        write(event.householdId(), """
                        UPDATE lead_view SET stage = :stage, verified_on = :on, per_capita_net_income = :income,
                               labour_capacity = :labour, collector = :collector,
                               rigid_expenditures = CAST(:expenditures AS jsonb), guarantee_gaps = :gaps
                        WHERE lead_id = :lead""")
                .param("stage", CaseStage.VERIFIED.name())
                .param("on", event.verifiedOn())
                .param("income", event.perCapitaNetIncome())
                .param("labour", event.labourCapacity().name())
                .param("collector", event.collector())
                .param("expenditures", json(event.rigidExpenditures()))
                .param("gaps", names(event.guaranteeGaps()))
                .param("lead", event.leadId())
                .update();
        step(event.leadId(), message, "VERIFIED", "采集人 " + event.collector());
    }

    @EventHandler
    void on(VillageEvaluationRecorded event, EventMessage<?> message) {
        boolean afterTheFact = Boolean.TRUE.equals(event.recordedAfterTheFact());
        write(event.householdId(), """
                        UPDATE lead_view SET stage = :stage, notice_from = :from, notice_until = :until,
                               notice_recorded_after_the_fact = :afterTheFact
                        WHERE lead_id = :lead""")
                .param("stage", CaseStage.PUBLIC_NOTICE.name())
                .param("from", event.noticeFrom())
                .param("until", event.noticeUntil())
                .param("afterTheFact", afterTheFact)
                .param("lead", event.leadId())
                .update();
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
        write(event.householdId(), "UPDATE lead_view SET " + column + " = true WHERE lead_id = :lead")
                .param("lead", event.leadId()).update();
        step(event.leadId(), message, "OVERDUE_" + event.deadline(), "时限 " + event.dueOn());
    }

    /** An identification from the existing register: a case with no steps before it, decided on its own day. */
    @EventHandler
    void on(IdentificationImported event, EventMessage<?> message) {
        write(event.householdId(), """
                        INSERT INTO lead_view (lead_id, household_id, region_code, channel, stage, reported_on,
                                               description, per_capita_net_income, labour_capacity)
                        VALUES (:lead, :household, :region, :channel, :stage, :on, :description, :income, :labour)""")
                .param("lead", event.leadId())
                .param("household", event.householdId())
                .param("region", event.regionCode())
                .param("channel", IMPORTED_CHANNEL)
                .param("stage", CaseStage.REPORTED.name())
                .param("on", event.identifiedOn())
                .param("description", "存量导入")
                .param("income", event.perCapitaNetIncome())
                .param("labour", event.labourCapacity() == null ? null : event.labourCapacity().name())
                .update();
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
        write(event.householdId(), "UPDATE household_view SET risk_eliminated = false WHERE household_id = :household")
                .param("household", event.householdId()).update();
    }

    @EventHandler
    void on(IdentificationRejected event, EventMessage<?> message) {
        write(event.householdId(), """
                        UPDATE lead_view SET stage = :stage, decided_on = :on, judgement = :judgement
                        WHERE lead_id = :lead""")
                .param("stage", CaseStage.REJECTED.name())
                .param("on", event.rejectedOn())
                .param("judgement", event.judgement())
                .param("lead", event.leadId())
                .update();
        write(event.householdId(), "UPDATE household_view SET open_lead_id = NULL WHERE household_id = :household")
                .param("household", event.householdId()).update();
        step(event.leadId(), message, "REJECTED", event.judgement());
    }

    @EventHandler
    void on(DecisionThresholdsRecorded event) {
        write(event.householdId(), """
                        UPDATE lead_view SET decision_policy_region = :region, decision_policy_year = :year,
                               decision_thresholds = CAST(:thresholds AS jsonb)
                        WHERE lead_id = :lead""")
                .param("region", event.policyRegionPrefix())
                .param("year", event.policyYear())
                .param("thresholds", json(event.thresholds()))
                .param("lead", event.leadId())
                .update();
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
        write(householdId, """
                        INSERT INTO lead_view (lead_id, household_id, region_code, channel, stage, reported_on,
                                               description, verification_due_on, decision_due_on, reidentification)
                        VALUES (:lead, :household, :region, :channel, :stage, :on, :description, :verificationDue,
                                :decisionDue, :reidentification)""")
                .param("lead", leadId)
                .param("household", householdId)
                .param("region", regionCode)
                .param("channel", channel)
                .param("stage", CaseStage.REPORTED.name())
                .param("on", reportedOn)
                .param("description", description)
                .param("verificationDue", verificationDueOn)
                .param("decisionDue", decisionDueOn)
                .param("reidentification", reidentification)
                .update();
        write(householdId, "UPDATE household_view SET open_lead_id = :lead WHERE household_id = :household")
                .param("lead", leadId).param("household", householdId).update();
    }

    private void decided(String leadId, String householdId, ObjectType objectType, List<RiskType> riskTypes,
                         LocalDate on, EventMessage<?> message) {
        write(householdId, """
                        UPDATE lead_view SET stage = :stage, decided_on = :on, object_type = :type, risk_types = :risks
                        WHERE lead_id = :lead""")
                .param("stage", CaseStage.IDENTIFIED.name())
                .param("on", on)
                .param("type", objectType.name())
                .param("risks", names(riskTypes))
                .param("lead", leadId)
                .update();
        write(householdId, "UPDATE household_view SET open_lead_id = NULL, object_type = :type WHERE household_id = :household")
                .param("type", objectType.name()).param("household", householdId).update();
        step(leadId, message, "IDENTIFIED", objectType.chineseName() + "（"
                + riskTypes.stream().map(RiskType::chineseName).collect(Collectors.joining("、")) + "）");
    }

    private void stage(String householdId, String leadId, CaseStage stage) {
        write(householdId, "UPDATE lead_view SET stage = :stage WHERE lead_id = :lead")
                .param("stage", stage.name()).param("lead", leadId).update();
    }

    private void riskEliminated(String householdId, boolean eliminated) {
        write(householdId, "UPDATE household_view SET risk_eliminated = :eliminated WHERE household_id = :household")
                .param("eliminated", eliminated).param("household", householdId).update();
    }

    private void adjustMemberCount(String householdId, int by) {
        write(householdId, "UPDATE household_view SET member_count = member_count + :by WHERE household_id = :household")
                .param("by", by).param("household", householdId).update();
    }

    private void step(String leadId, EventMessage<?> message, String step, String note) {
        Actor actor = Actor.fromMetaData(message.getMetaData()).orElse(null);
        write(householdOf(message), """
                        INSERT INTO lead_step (lead_id, event_id, step, note, actor_name, actor_role, occurred_at)
                        VALUES (:lead, :event, :step, :note, :name, :role, :at)""")
                .param("lead", leadId)
                .param("event", message.getIdentifier())
                .param("step", step)
                .param("note", note)
                .param("name", actor == null ? null : actor.name())
                .param("role", actor == null ? null : actor.role().name())
                .param("at", Timestamp.from(message.getTimestamp()))
                .update();
    }

    /** A write of a household's rows, sent with the others of its unit of work ({@link ProjectionWriter}). */
    private Write write(String householdId, String sql) {
        return new Write(householdId, sql);
    }

    private final class Write {

        private final String householdId;
        private final String sql;
        private final MapSqlParameterSource parameters = new MapSqlParameterSource();

        Write(String householdId, String sql) {
            this.householdId = householdId;
            this.sql = sql;
        }

        Write param(String name, Object value) {
            parameters.addValue(name, value);
            return this;
        }

        void update() {
            writer.write(householdId, sql, parameters);
        }
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

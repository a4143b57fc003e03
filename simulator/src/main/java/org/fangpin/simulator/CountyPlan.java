package org.fangpin.simulator;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LeadChannel;

/**
 * The county's households, drawn from the seed alone: the same seed and scale give the same households, ID numbers,
 * incomes and fates, and the same department file.
 * <p>
 * Distributions: household size 1–7 after the rural household sizes of the 2020 census for Inner Mongolia (mean about
 * 2.5); per-capita income log-normal around 16,000 yuan (rural Inner Mongolia 2023: 21,221 yuan disposable income per
 * head), monitored households around the 8,300 yuan monitoring line; {@code monitoredShare} of the households
 * monitored (3–5 % in the work plans: 3–5k of ~200k). The ID numbers' sequence starts with the seed's last digit, so
 * runs with seeds that differ in it never register the same person.
 */
final class CountyPlan {

    static final BigDecimal MONITORING_LINE = new BigDecimal("8300.00");
    private static final double[] HOUSEHOLD_SIZES = {0.17, 0.31, 0.22, 0.17, 0.08, 0.04, 0.01};
    private static final String[] SURNAMES = {"敖", "孟", "何", "郭", "杜", "涂", "吴", "金", "白", "包", "韩", "王", "李",
            "张", "刘", "赵", "鄂", "那", "乌", "苏"};
    private static final String[] GIVEN = {"长福", "淑兰", "志军", "秀梅", "德胜", "丽娜", "海军", "玉兰", "建国", "桂英",
            "巴特尔", "其其格", "乌云", "斯琴", "巴图", "娜仁", "苏和", "图雅", "朝鲁", "哈斯", "额尔登", "其木格", "巴雅尔"};

    private final long seed;
    private final County county;
    private final List<Household> households;

    private CountyPlan(long seed, County county, List<Household> households) {
        this.seed = seed;
        this.county = county;
        this.households = households;
    }

    /**
     * @param newLeadShare       households whose lead comes in this month through a village or county channel
     * @param departmentHitShare households the department file shows above the medical warning line
     */
    static CountyPlan generate(County county, long seed, int householdsPerVillage, double monitoredShare,
                               double newLeadShare, double departmentHitShare) {
        SplittableRandom random = new SplittableRandom(seed);
        int total = county.villages().size() * householdsPerVillage;
        List<Household.Fate> fates = fates(total, monitoredShare, newLeadShare, departmentHitShare);
        Collections.shuffle(fates, new Random(seed));
        Set<String> ids = new HashSet<>();
        List<Household> households = new ArrayList<>(total);
        LeadChannel[] channels = {LeadChannel.SELF_REPORT, LeadChannel.CADRE_VISIT, LeadChannel.DATA_COMPARISON};
        for (int i = 0; i < total; i++) {
            County.Village village = county.villages().get(i / householdsPerVillage);
            Household.Fate fate = fates.get(i);
            String id;
            do {
                id = idNumber(random, county.code(), (int) (Math.abs(seed) % 10));
            } while (!ids.add(id));
            boolean poor = fate.monitored() || fate == Household.Fate.NEW_LEAD || fate == Household.Fate.DEPARTMENT_HIT;
            BigDecimal income = poor
                    ? yuan(MONITORING_LINE.doubleValue() + random.nextGaussian() * 1_500)
                    : yuan(Math.exp(Math.log(16_000) + random.nextGaussian() * 0.5));
            String category = fate.monitored() ? (random.nextDouble() < 0.6 ? "POVERTY_ALLEVIATED" : "GENERAL")
                    : (random.nextDouble() < 0.08 ? "POVERTY_ALLEVIATED" : "GENERAL");
            households.add(new Household(i, village, 1 + random.nextInt(8), name(random), id, category,
                    householdSize(random), income.max(new BigDecimal("1200.00")), fate, channels[i % channels.length],
                    random.nextDouble() < 0.1, random.nextDouble() < 0.2,
                    fate == Household.Fate.ELIMINATED && random.nextDouble() < 0.3));
        }
        return new CountyPlan(seed, county, List.copyOf(households));
    }

    private static List<Household.Fate> fates(int total, double monitoredShare, double newLeadShare,
                                              double departmentHitShare) {
        int monitored = atLeastOne(total * monitoredShare);
        int stable = atLeastOne(monitored * 0.4);
        int eliminated = atLeastOne(monitored * 0.2);
        List<Household.Fate> fates = new ArrayList<>(total);
        fates.addAll(Collections.nCopies(stable, Household.Fate.STABLE));
        fates.addAll(Collections.nCopies(eliminated, Household.Fate.ELIMINATED));
        fates.addAll(Collections.nCopies(Math.max(1, monitored - stable - eliminated), Household.Fate.AT_RISK));
        fates.addAll(Collections.nCopies(atLeastOne(total * newLeadShare), Household.Fate.NEW_LEAD));
        fates.addAll(Collections.nCopies(atLeastOne(total * departmentHitShare), Household.Fate.DEPARTMENT_HIT));
        if (fates.size() > total) {
            throw new IllegalArgumentException(total + " households are too few for the shares asked");
        }
        fates.addAll(Collections.nCopies(total - fates.size(), Household.Fate.REGISTERED));
        return fates;
    }

    private static int atLeastOne(double count) {
        return Math.max(1, (int) Math.round(count));
    }

    private static int householdSize(SplittableRandom random) {
        double draw = random.nextDouble();
        for (int size = 0; size < HOUSEHOLD_SIZES.length; size++) {
            draw -= HOUSEHOLD_SIZES[size];
            if (draw < 0) {
                return size + 1;
            }
        }
        return HOUSEHOLD_SIZES.length;
    }

    private static String name(SplittableRandom random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** A GB 11643 number born 1940–2004 in the county; the sequence's first digit is {@code sequenceDigit}. */
    private static String idNumber(SplittableRandom random, String county, int sequenceDigit) {
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(65 * 365));
        String first17 = county + born.toString().replace("-", "") + sequenceDigit
                + String.format("%02d", random.nextInt(100));
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static BigDecimal yuan(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    List<Household> households() {
        return households;
    }

    List<Household> withFate(Household.Fate fate) {
        return households.stream().filter(household -> household.fate() == fate).toList();
    }

    County county() {
        return county;
    }

    /**
     * The medical insurance office's file of the month (医保 self-paid costs): {@code rows} rows, one per insured person
     * with a self-pay, of which the department-hit households' heads (above the warning line) and one in four of the
     * at-risk heads; the rest are people of the county who are not registered (seeds piece 7's exchange).
     */
    byte[] departmentFile(int rows, YearMonth month) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 64);
        StringBuilder line = new StringBuilder("身份证号,姓名,指标,数值,日期\n");
        int written = 0;
        for (Household household : households) {
            boolean hit = household.fate() == Household.Fate.DEPARTMENT_HIT
                    || household.fate() == Household.Fate.AT_RISK && household.index() % 4 == 0;
            if (hit && written < rows) {
                // a department lead is dated by its row: early in the month, so its procedure ends within it
                LocalDate on = household.fate() == Household.Fate.DEPARTMENT_HIT ? month.atDay(3)
                        : month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                row(line, household.headIdNumber(), household.headName(), yuan(6_000 + random.nextDouble() * 30_000),
                        on);
                written++;
            }
        }
        int otherDigit = (int) ((Math.abs(seed) + 5) % 10);
        for (; written < rows; written++) {
            // most self-pays are small; a few are above the line but the person is not registered here
            double amount = Math.exp(Math.log(800) + random.nextGaussian() * 1.2);
            row(line, idNumber(random, county.code(), otherDigit), name(random), yuan(Math.min(amount, 200_000)),
                    month.atDay(1 + random.nextInt(month.lengthOfMonth())));
            if (line.length() > 1 << 16) {
                out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                line.setLength(0);
            }
        }
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void row(StringBuilder line, String id, String name, BigDecimal amount, LocalDate on) {
        line.append(id).append(',').append(name).append(",MEDICAL_SELF_PAID,").append(amount.toPlainString())
                .append(',').append(on).append('\n');
    }
}

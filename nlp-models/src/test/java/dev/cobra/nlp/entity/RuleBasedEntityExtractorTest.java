package dev.cobra.nlp.entity;

import dev.cobra.nlp.api.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleBasedEntityExtractorTest {

    /** A Sunday. */
    private static final LocalDate SUNDAY_22_NOV_2026 = LocalDate.of(2026, 11, 22);
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final RuleBasedEntityExtractor extractor = new RuleBasedEntityExtractor();

    private List<Entity> extract(String text, String locale, LocalDate today) {
        return extractor.extract(text, locale, today, BOGOTA);
    }

    private String dateIn(String text, LocalDate today) {
        return extract(text, "es-CO", today).stream().filter(e -> e.entity().equals(Entity.DATE))
                .map(e -> (String) e.value()).findFirst().orElse(null);
    }

    @ParameterizedTest(name = "\"{0}\" on {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            mañana pago                        | 2026-11-22 | 2026-11-23
            manana sin falta                   | 2026-11-22 | 2026-11-23
            pasado mañana                      | 2026-11-22 | 2026-11-24
            hoy mismo                          | 2026-11-22 | 2026-11-22
            te pago el viernes                 | 2026-11-22 | 2026-11-27
            el otro viernes                    | 2026-11-22 | 2026-12-04
            el viernes                         | 2026-11-27 | 2026-12-04
            el proximo lunes                   | 2026-11-22 | 2026-11-23
            les pago el 15                     | 2026-11-22 | 2026-12-15
            el 15                              | 2026-11-10 | 2026-11-15
            el 15                              | 2026-12-20 | 2027-01-15
            el 22                              | 2026-11-22 | 2026-11-22
            el 31                              | 2026-11-22 | 2026-12-31
            el dia 30                          | 2027-02-10 | 2027-03-30
            15/12                              | 2026-11-22 | 2026-12-15
            pago el 15/12                      | 2026-12-20 | 2027-12-15
            10/01                              | 2026-11-22 | 2027-01-10
            15-12-2026                         | 2026-11-22 | 2026-12-15
            el 30 de noviembre                 | 2026-11-22 | 2026-11-30
            el 1 de noviembre                  | 2026-11-22 | 2027-11-01
            3 de enero                         | 2026-11-22 | 2027-01-03
            el primero de diciembre            | 2026-11-22 | 2026-12-01
            a fin de mes                       | 2026-11-22 | 2026-11-30
            a fin de mes                       | 2026-12-31 | 2026-12-31
            a finales de mes                   | 2027-02-03 | 2027-02-28
            en la quincena                     | 2026-11-22 | 2026-11-30
            la otra quincena                   | 2026-11-22 | 2026-12-15
            la otra quincena                   | 2026-12-20 | 2027-01-15
            la quincena                        | 2026-11-03 | 2026-11-15
            en dos semanas                     | 2026-11-22 | 2026-12-06
            en 2 semanas                       | 2026-12-25 | 2027-01-08
            dentro de 10 dias                  | 2026-11-22 | 2026-12-02
            en un mes                          | 2026-12-31 | 2027-01-31
            la semana que viene                | 2026-11-25 | 2026-11-30
            el martes de la semana que viene   | 2026-12-05 | 2026-12-08
            el viernes de la otra semana       | 2026-12-01 | 2026-12-11
            el lunes de la proxima semana      | 2026-12-06 | 2026-12-07
            tuesday next week                  | 2026-12-05 | 2026-12-08
            el martes que viene                | 2026-12-05 | 2026-12-08
            el otro viernes                    | 2026-12-01 | 2026-12-11
            el mes que viene                   | 2026-12-05 | 2027-01-01
            hasta el dia 5 del mes que viene   | 2026-12-05 | 2027-01-05
            el 10 del proximo mes              | 2026-11-22 | 2026-12-10
            el 31 del otro mes                 | 2027-01-10 | 2027-02-28
            the 5th of next month              | 2026-12-05 | 2027-01-05
            can u give me like 2 more weeks    | 2026-12-05 | 2026-12-19
            deme otras dos semanas             | 2026-12-05 | 2026-12-19
            unos 10 dias mas                   | 2026-12-05 | 2026-12-15
            a principios de mes                | 2026-11-22 | 2026-12-01
            tomorrow                           | 2026-11-22 | 2026-11-23
            next friday                        | 2026-11-22 | 2026-11-27
            on December 15                     | 2026-12-20 | 2027-12-15
            """)
    void resolvesSpanishAndEnglishDateExpressionsAgainstTheReferenceDate(String text, LocalDate today, String expected) {
        assertThat(dateIn(text, today)).isEqualTo(expected);
    }

    @Test
    void neverResolvesADateInThePast() {
        for (String text : List.of("el 1", "el 21", "1/11", "el 1 de enero", "el lunes", "fin de mes")) {
            String date = dateIn(text, SUNDAY_22_NOV_2026);
            assertThat(date).as(text).isNotNull();
            assertThat(LocalDate.parse(date)).as(text).isAfterOrEqualTo(SUNDAY_22_NOV_2026);
        }
    }

    @Test
    void reportsOffsetsInTheOriginalTextEvenWithAccents() {
        List<Entity> entities = extract("les pago el 15", "es-CO", SUNDAY_22_NOV_2026);
        assertThat(entities).containsExactly(new Entity(Entity.DATE, "2026-12-15", 9, 14, "el 15", null));

        Entity tomorrow = extract("Pagaré MAÑANA", "es", SUNDAY_22_NOV_2026).get(0);
        assertThat(tomorrow.text()).isEqualTo("MAÑANA");
        assertThat(tomorrow.start()).isEqualTo(7);
    }

    @Test
    void doesNotTakeMorningOrInvalidDatesForDates() {
        assertThat(dateIn("te escribo por la mañana", SUNDAY_22_NOV_2026)).isNull();
        assertThat(dateIn("31/02", SUNDAY_22_NOV_2026)).isNull();
        assertThat(dateIn("el 45", SUNDAY_22_NOV_2026)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\" ({1}) is {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            te pago 500 pesos          | es-CO | 500        | COP
            puedo dar $1.200           | es-MX | 1200       | MXN
            $ 1.250.000                | es-CO | 1250000    | COP
            1.500,50 euros             | es-ES | 1500.50    | EUR
            1,500.50 dollars           | en-US | 1500.50    | USD
            mil quinientos             | es-CO | 1500       | -
            doscientos mil pesos       | es-AR | 200000     | ARS
            200 mil                    | es-CO | 200000     | -
            2 palos                    | es-CO | 2000000    | -
            5 lucas                    | es-CL | 5000       | -
            20k                        | es-MX | 20000      | -
            USD 100                    | es-CO | 100        | USD
            100 soles                  | es-PE | 100        | PEN
            puedo abonar 300000        | es-CO | 300000     | -
            """)
    void readsAmountsInEveryWrittenForm(String text, String locale, BigDecimal value, String currency) {
        List<Entity> amounts = extract(text, locale, SUNDAY_22_NOV_2026).stream()
                .filter(e -> e.entity().equals(Entity.AMOUNT)).toList();
        assertThat(amounts).hasSize(1);
        assertThat((BigDecimal) amounts.get(0).value()).isEqualByComparingTo(value);
        assertThat(amounts.get(0).currency()).isEqualTo(currency);
    }

    @ParameterizedTest(name = "\"{0}\" is {1} installments")
    @CsvSource(delimiter = '|', textBlock = """
            en 3 cuotas             | 3
            seis cuotas             | 6
            a 12 meses              | 12
            quiero pagar en doce cuotas | 12
            6 pagos                 | 6
            in 6 installments       | 6
            18 meses sin intereses  | 18
            me puedes fraccionar la deuda en 6 meses | 6
            can i split it over 4 months | 4
            cuanto seria si lo divido en 3 | 3
            y si lo partimos en cuatro | 4
            can i split it into 3      | 3
            """)
    void readsInstallmentCounts(String text, int expected) {
        List<Entity> entities = extract(text, "es-MX", SUNDAY_22_NOV_2026);
        assertThat(entities).extracting(Entity::entity).containsExactly(Entity.INSTALLMENTS);
        assertThat(entities.get(0).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is a plan in two halves")
    @CsvSource(delimiter = '|', textBlock = """
            puedo pagar la mitad el 20 y el resto en enero
            mitad y mitad
            la mitad ahora y la otra mitad la otra quincena
            half now and the rest next month
            """)
    void readsTwoHalvesAsTwoInstallments(String text) {
        List<Entity> entities = extract(text, "es-CO", SUNDAY_22_NOV_2026);
        assertThat(entities).filteredOn(e -> Entity.INSTALLMENTS.equals(e.entity())).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo(2));
    }

    @Test
    void theDateBetweenTwoHalvesStaysADate() {
        List<Entity> entities = extract("puedo pagar la mitad el 20 y el resto en enero", "es-CO", SUNDAY_22_NOV_2026);
        assertThat(entities).extracting(Entity::entity).containsExactly(Entity.INSTALLMENTS, Entity.DATE);
        assertThat(entities.get(1).value()).isEqualTo("2026-12-20");
    }

    @Test
    void writesAmountsWithoutExponentOrTrailingZeros() {
        assertThat(extract("200 mil", "es-CO", SUNDAY_22_NOV_2026).get(0).value().toString()).isEqualTo("200000");
        assertThat(extract("1.500,50 euros", "es-ES", SUNDAY_22_NOV_2026).get(0).value().toString()).isEqualTo("1500.5");
        assertThat(extract("2 palos", "es-CO", SUNDAY_22_NOV_2026).get(0).value().toString()).isEqualTo("2000000");
    }

    @Test
    void keepsAmountDateAndInstallmentsApartInOneMessage() {
        List<Entity> entities = extract("puedo pagar 200 mil el 15 en 4 cuotas", "es-CO", SUNDAY_22_NOV_2026);
        assertThat(entities).extracting(Entity::entity)
                .containsExactly(Entity.AMOUNT, Entity.DATE, Entity.INSTALLMENTS);
        assertThat((BigDecimal) entities.get(0).value()).isEqualByComparingTo("200000");
        assertThat(entities.get(1).value()).isEqualTo("2026-12-15");
        assertThat(entities.get(2).value()).isEqualTo(4);
    }

    @Test
    void findsNothingInPlainTextOrEmptyInput() {
        assertThat(extract("no tengo plata", "es", SUNDAY_22_NOV_2026)).isEmpty();
        assertThat(extract("", "es", SUNDAY_22_NOV_2026)).isEmpty();
        assertThat(extract(null, "es", SUNDAY_22_NOV_2026)).isEmpty();
    }

    @Test
    void usesTodayInTheDebtorsZoneWhenNoReferenceDateIsGiven() {
        Entity tomorrow = extractor.extract("mañana", "es", null, BOGOTA).get(0);
        assertThat(tomorrow.value()).isEqualTo(LocalDate.now(BOGOTA).plusDays(1).toString());
    }
}

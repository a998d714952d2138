package dev.rigor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Edge cases; reference values (NumPy) are in extra-cases.json (kinds auc, series_summaries). */
class SeriesTest {
    private static final Series S = new Series(new double[] {0, 10, 20, 35, 50, 80, 100},
        new double[] {0.0, 0.1, 0.3, 0.35, 0.5, 0.55, 0.6});

    @Test
    void aucOfALinearSeriesIsItsMidpointValue() {
        Series line = new Series(new double[] {0, 1, 2, 3, 4}, new double[] {0, 2, 4, 6, 8});
        assertThat(line.auc(StepWindow.all())).isCloseTo(4, Offset.offset(1e-12));
        assertThat(line.auc(StepWindow.range(0.5, 1.5))).isCloseTo(2, Offset.offset(1e-12));
        assertThat(line.auc(StepWindow.lastFraction(0.5))).isCloseTo(6, Offset.offset(1e-12));
    }

    @Test
    void lastFractionOneIsTheWholeRangeEvenWithRounding() {
        Series s = new Series(new double[] {0.1, 0.4, 0.7}, new double[] {1, 2, 3});
        assertThat(s.auc(StepWindow.lastFraction(1))).isCloseTo(2, Offset.offset(1e-12));
    }

    @Test
    void aSinglePointSeries() {
        Series one = new Series(new double[] {5}, new double[] {0.7});
        assertThat(one.auc(StepWindow.all())).isEqualTo(0.7);
        assertThat(one.finalValue()).isEqualTo(0.7);
        assertThat(one.meanOfLast(1)).isEqualTo(0.7);
        assertThatThrownBy(one::slope).hasMessageContaining("at least 2 points");
    }

    @Test
    void windowsMustLieWithinTheSteps() {
        assertThatThrownBy(() -> S.auc(StepWindow.range(-5, 50))).hasMessageContaining("reaches outside");
        assertThatThrownBy(() -> StepWindow.range(50, 40)).hasMessageContaining("reversed");
        assertThatThrownBy(() -> StepWindow.lastFraction(0)).hasMessageContaining("fraction must be in (0, 1]");
        assertThatThrownBy(() -> S.within(StepWindow.range(21, 34))).hasMessageContaining("no point");
    }

    @Test
    void withinKeepsOnlyObservedPoints() {
        Series last = S.within(StepWindow.lastFraction(0.25));
        assertThat(last.steps()).containsExactly(80, 100);
        assertThat(last.max()).isEqualTo(0.6);
    }

    @Test
    void rejectsUnsortedOrMismatchedInput() {
        assertThatThrownBy(() -> new Series(new double[] {0, 2, 2}, new double[] {1, 2, 3}))
            .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new Series(new double[] {0, 1}, new double[] {1}))
            .hasMessageContaining("same length");
        assertThatThrownBy(() -> S.meanOfLast(8)).hasMessageContaining("k must be in [1, 7]");
    }

    @Test
    void isImmutable() {
        double[] steps = {0, 1};
        Series s = new Series(steps, new double[] {1, 2});
        steps[0] = -1;
        s.steps()[1] = 9;
        assertThat(s.steps()).containsExactly(0, 1);
        assertThat(s).isEqualTo(new Series(new double[] {0, 1}, new double[] {1, 2}));
    }
}

package dev.berth.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnsiParserTest {

    private static final String ESC = "\u001b";

    private final AnsiParser parser = new AnsiParser();

    private StyledText parse(String s) {
        return parser.parse(s);
    }

    @Test
    void plainTextStaysAsIsWithoutRuns() {
        StyledText t = parse("just text\twith a tab");
        assertThat(t.text()).isEqualTo("just text\twith a tab");
        assertThat(t.isPlain()).isTrue();
    }

    @Test
    void sixteenColoursForegroundAndBackground() {
        StyledText t = parse(ESC + "[31mred" + ESC + "[0m " + ESC + "[42mon green" + ESC + "[m " + ESC + "[93mbright" + ESC + "[0m"
                + ESC + "[104mbg" + ESC + "[0m");
        assertThat(t.text()).isEqualTo("red on green brightbg");
        assertThat(SgrStyle.foreground(t.styleAt(0))).isEqualTo(SgrStyle.indexed(1));
        assertThat(t.styleAt(3)).isEqualTo(SgrStyle.PLAIN);
        assertThat(SgrStyle.background(t.styleAt(4))).isEqualTo(SgrStyle.indexed(2));
        assertThat(SgrStyle.foreground(t.styleAt(13))).isEqualTo(SgrStyle.indexed(11));
        assertThat(SgrStyle.background(t.styleAt(19))).isEqualTo(SgrStyle.indexed(12));
    }

    @Test
    void boldDimItalicUnderlineInverseStrikeAndTheirResets() {
        StyledText t = parse(ESC + "[1;3;4;7;9mA" + ESC + "[22;23;24;27;29mB" + ESC + "[2mC" + ESC + "[22mD");
        long a = t.styleAt(0);
        assertThat(SgrStyle.has(a, SgrStyle.BOLD)).isTrue();
        assertThat(SgrStyle.has(a, SgrStyle.ITALIC)).isTrue();
        assertThat(SgrStyle.has(a, SgrStyle.UNDERLINE)).isTrue();
        assertThat(SgrStyle.has(a, SgrStyle.INVERSE)).isTrue();
        assertThat(SgrStyle.has(a, SgrStyle.STRIKETHROUGH)).isTrue();
        assertThat(t.styleAt(1)).isEqualTo(SgrStyle.PLAIN);
        assertThat(SgrStyle.has(t.styleAt(2), SgrStyle.DIM)).isTrue();
        assertThat(t.styleAt(3)).isEqualTo(SgrStyle.PLAIN);
        assertThat(t.text()).isEqualTo("ABCD");
    }

    @Test
    void colonUnderlineStylesTurnUnderlineOnAndFourColonZeroOff() {
        StyledText t = parse(ESC + "[4:3mcurly" + ESC + "[4:0mnone");
        assertThat(SgrStyle.has(t.styleAt(0), SgrStyle.UNDERLINE)).isTrue();
        assertThat(SgrStyle.has(t.styleAt(5), SgrStyle.UNDERLINE)).isFalse();
    }

    @Test
    void twoHundredFiftySixColoursInBothForms() {
        StyledText t = parse(ESC + "[38;5;208mA" + ESC + "[48:5:17mB" + ESC + "[0m");
        assertThat(SgrStyle.foreground(t.styleAt(0))).isEqualTo(SgrStyle.indexed(208));
        assertThat(SgrStyle.background(t.styleAt(1))).isEqualTo(SgrStyle.indexed(17));
        assertThat(SgrStyle.foreground(t.styleAt(1))).isEqualTo(SgrStyle.indexed(208));
    }

    @Test
    void trueColourInSemicolonAndColonFormsWithOrWithoutColourSpace() {
        StyledText t = parse(ESC + "[38;2;255;128;0mA" + ESC + "[38:2::1:2:3mB" + ESC + "[38:2:4:5:6mC" + ESC + "[48;2;10;20;30mD");
        assertThat(SgrStyle.foreground(t.styleAt(0))).isEqualTo(SgrStyle.rgb(255, 128, 0));
        assertThat(SgrStyle.rgbValue(SgrStyle.foreground(t.styleAt(0)))).isEqualTo(0xff8000);
        assertThat(SgrStyle.foreground(t.styleAt(1))).isEqualTo(SgrStyle.rgb(1, 2, 3));
        assertThat(SgrStyle.foreground(t.styleAt(2))).isEqualTo(SgrStyle.rgb(4, 5, 6));
        assertThat(SgrStyle.background(t.styleAt(3))).isEqualTo(SgrStyle.rgb(10, 20, 30));
        assertThat(SgrStyle.isRgb(SgrStyle.background(t.styleAt(3)))).isTrue();
    }

    @Test
    void colourNumbersAfterAnExtendedColourAreNotReadAsAttributes() {
        // 38;5;1 must not turn on bold (1); 38;2;4;9;7 must not underline, strike or invert.
        StyledText t = parse(ESC + "[38;5;1mA" + ESC + "[0;38;2;4;9;7mB");
        assertThat(SgrStyle.has(t.styleAt(0), SgrStyle.BOLD)).isFalse();
        long b = t.styleAt(1);
        assertThat(SgrStyle.has(b, SgrStyle.UNDERLINE) || SgrStyle.has(b, SgrStyle.STRIKETHROUGH)
                || SgrStyle.has(b, SgrStyle.INVERSE)).isFalse();
        assertThat(SgrStyle.foreground(b)).isEqualTo(SgrStyle.rgb(4, 9, 7));
    }

    @Test
    void defaultColourResetsKeepOtherAttributes() {
        StyledText t = parse(ESC + "[1;31;44mA" + ESC + "[39mB" + ESC + "[49mC");
        assertThat(SgrStyle.foreground(t.styleAt(1))).isEqualTo(SgrStyle.DEFAULT_COLOR);
        assertThat(SgrStyle.background(t.styleAt(1))).isEqualTo(SgrStyle.indexed(4));
        assertThat(SgrStyle.background(t.styleAt(2))).isEqualTo(SgrStyle.DEFAULT_COLOR);
        assertThat(SgrStyle.has(t.styleAt(2), SgrStyle.BOLD)).isTrue();
    }

    @Test
    void styleCarriesOverToTheNextLineUntilReset() {
        parse(ESC + "[32mstarts green");
        StyledText next = parse("still green");
        assertThat(SgrStyle.foreground(next.styleAt(0))).isEqualTo(SgrStyle.indexed(2));
        StyledText reset = parse(ESC + "[0mplain again");
        assertThat(reset.isPlain()).isTrue();
    }

    @Test
    void otherEscapeSequencesAreStrippedNotShown() {
        StyledText t = parse(ESC + "[2J" + ESC + "[1;1H" + ESC + "[?25lclear" + ESC + "[K " + ESC + "]0;title" + "\u0007"
                + "osc " + ESC + "]8;;http://x" + ESC + "\\link" + ESC + "]8;;" + ESC + "\\ " + ESC + "(Bcharset " + ESC + "7saved"
                + ESC + "8 " + ESC + "P1$r" + ESC + "\\dcs");
        assertThat(t.text()).isEqualTo("clear osc link charset saved dcs");
        assertThat(t.isPlain()).isTrue();
    }

    @Test
    void controlCharactersOtherThanTabAreDropped() {
        StyledText t = parse("bell\u0007 back\bspace del\u007f c1\u0085 tab\tok");
        assertThat(t.text()).isEqualTo("bell backspace del c1 tab\tok");
    }

    @Test
    void malformedSequencesAreDroppedUpToTheBreakingCharacterWhichIsKept() {
        // A control character cannot be inside a CSI: the sequence is dropped, the text after stays.
        assertThat(parse(ESC + "[31\u00e9t\u00e9").text()).isEqualTo("\u00e9t\u00e9");
        assertThat(parse("end " + ESC).text()).isEqualTo("end ");
        assertThat(parse("end " + ESC + "[1;3").text()).isEqualTo("end ");
        assertThat(parse(ESC + "\u00e9x").text()).isEqualTo("\u00e9x");
        assertThat(parse(ESC + "]unterminated title").text()).isEmpty();
    }

    @Test
    void outOfRangeOrIncompleteColoursAreIgnored() {
        StyledText t = parse(ESC + "[38;5;300mA" + ESC + "[38;2;1;2mB" + ESC + "[38;5mC" + ESC + "[99999999999mD");
        assertThat(t.text()).isEqualTo("ABCD");
        assertThat(t.isPlain()).isTrue();
    }

    @Test
    void privateModeSgrLookalikesChangeNothing() {
        assertThat(parse(ESC + "[>4;2mtext").isPlain()).isTrue();
        assertThat(parse(ESC + "[?1mtext").text()).isEqualTo("text");
    }

    @Test
    void eightBitCsiIsHandledLikeEscBracket() {
        StyledText t = parse("\u009b31mred");
        assertThat(t.text()).isEqualTo("red");
        assertThat(SgrStyle.foreground(t.styleAt(0))).isEqualTo(SgrStyle.indexed(1));
    }

    @Test
    void runsMergeWhenTheStyleDoesNotChange() {
        StyledText t = parse(ESC + "[31mab" + ESC + "[31mcd" + ESC + "[0m");
        assertThat(t.runCount()).isEqualTo(1);
        assertThat(t.runEnd(0)).isEqualTo(4);
    }
}

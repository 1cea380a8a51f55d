using System.Globalization;

namespace LoginPosture.Otp;

/// <summary>
/// Raises the <see cref="OtpFindings"/> for one enrolment. A stricter finding replaces the weaker one it implies: a
/// secret below 128 bits raises OT001 only (not OT002 as well), a period above two minutes OT006 only (not OT005).
/// </summary>
internal static class OtpEnrolmentCheck
{
    /// <summary>The findings about <paramref name="enrolment"/>, named by <paramref name="subject"/> (an authenticator's label).</summary>
    public static List<Finding> Findings(string subject, OtpEnrolment enrolment)
    {
        var issues = enrolment.Issues;
        var findings = new List<Finding>();
        var bits = enrolment.SecretBits.ToString(CultureInfo.InvariantCulture);
        var digits = enrolment.Digits.ToString(CultureInfo.InvariantCulture);
        var seconds = ((long)enrolment.Period.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (issues.HasFlag(OtpKeyIssues.SecretBelow128Bits))
        {
            findings.Add(OtpFindings.SecretBelow128Bits.Raise($"'{subject}' is enrolled with a {bits}-bit secret; RFC 4226 requires at least 128."));
        }
        else if (issues.HasFlag(OtpKeyIssues.SecretBelow160Bits))
        {
            findings.Add(OtpFindings.SecretBelow160Bits.Raise($"'{subject}' is enrolled with a {bits}-bit secret; 160 bits are recommended."));
        }

        if (issues.HasFlag(OtpKeyIssues.DigitsBelowSix))
        {
            findings.Add(OtpFindings.DigitsBelowSix.Raise($"'{subject}' shows {digits}-digit codes; six is the minimum."));
        }

        if (issues.HasFlag(OtpKeyIssues.DigitsAboveEight))
        {
            findings.Add(OtpFindings.DigitsAboveEight.Raise($"'{subject}' shows {digits}-digit codes; eight is the most RFC 4226 defines."));
        }

        if (issues.HasFlag(OtpKeyIssues.PeriodAbove120Seconds))
        {
            findings.Add(OtpFindings.PeriodAbove120Seconds.Raise($"'{subject}' changes its code every {seconds} s; the limit is 120 s."));
        }
        else if (issues.HasFlag(OtpKeyIssues.PeriodAbove60Seconds))
        {
            findings.Add(OtpFindings.PeriodAbove60Seconds.Raise($"'{subject}' changes its code every {seconds} s; the limit is 60 s."));
        }

        if (issues.HasFlag(OtpKeyIssues.NonDefaultParameters))
        {
            findings.Add(OtpFindings.NonDefaultParameters.Raise($"'{subject}' uses {enrolment}; some authenticator apps ignore non-default parameters."));
        }

        return findings;
    }
}

namespace LoginPosture.Otp;

/// <summary>How <see cref="TotpVerifier"/> checks codes. Defaults follow RFC 6238 and what authenticator apps expect.</summary>
public sealed class OtpOptions
{
    /// <summary>The HMAC hash function.</summary>
    /// <value>The default is <see cref="OtpAlgorithm.Sha1"/>: the RFC 4226/6238 default, the one every authenticator app supports.</value>
    public OtpAlgorithm Algorithm { get; set; } = OtpAlgorithm.Sha1;

    /// <summary>How many digits a code has, 6 to 8.</summary>
    /// <value>The default is 6: the minimum of RFC 4226 §5.3 and NIST SP 800-63B rev 4 §3.1.4.1.</value>
    public int Digits { get; set; } = 6;

    /// <summary>The time step: a whole number of seconds from 1 second to 1 hour.</summary>
    /// <value>The default is 30 seconds: RFC 6238 §5.2's recommended step.</value>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many steps before and after the current one a code may come from, to absorb clock drift and typing time. 0 to 10.</summary>
    /// <value>The default is 1: RFC 6238 §5.2 allows at most one step of network delay.</value>
    public int AllowedDriftSteps { get; set; } = 1;

    /// <summary>
    /// Adds a message for every invalid setting to <paramref name="errors"/>, naming the setting as this class does; the
    /// host's validator puts its configuration section in front.
    /// </summary>
    internal void Validate(List<string> errors)
    {
        OptionsErrors.RequireDefined(errors, "", nameof(Algorithm), Algorithm);
        OptionsErrors.RequireRange(errors, "", nameof(Digits), Digits, OneTimePassword.MinDigits, OneTimePassword.MaxDigits);
        if (Period < TimeSpan.FromSeconds(1) || Period > TimeSpan.FromHours(1) || Period.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"{nameof(Period)} is {Period}; set a whole number of seconds from 00:00:01 to 01:00:00, such as 00:00:30.");
        }

        OptionsErrors.RequireRange(errors, "", nameof(AllowedDriftSteps), AllowedDriftSteps, 0, 10);
    }
}

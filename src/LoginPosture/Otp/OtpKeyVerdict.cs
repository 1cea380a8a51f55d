namespace LoginPosture.Otp;

/// <summary>The overall judgement of an enrolment key.</summary>
public enum OtpKeyVerdict
{
    /// <summary>Meets every requirement and recommendation checked.</summary>
    Acceptable = 0,

    /// <summary>Meets the requirements but misses a recommendation; usable, worth re-enrolling.</summary>
    Weak = 1,

    /// <summary>Breaks a requirement; do not enrol.</summary>
    Unacceptable = 2,
}

using System.Text.Json;
using LoginPosture.Otp;

namespace LoginPosture.Posture;

/// <content>The OTP enrolment of an authenticator: its parameters, never its secret.</content>
internal static partial class PostureJson
{
    private const string OtpShape = "\"otp\": {\"type\": \"totp\", \"algorithm\": \"SHA1\", \"digits\": 6, \"periodSeconds\": 30, \"secretBits\": 160}";

    private static readonly string[] SecretFieldNames = ["secret", "uri", "seed", "key", "keyUri"];

    private static OtpEnrolment OtpEnrolmentOf(PostureJsonNode node, AuthenticatorKind kind)
    {
        RefuseOtpSecret(node);
        if (kind is not (AuthenticatorKind.AuthenticatorApp or AuthenticatorKind.HardwareOtp))
        {
            throw node.Fail($"applies only to authenticators of kind AuthenticatorApp or HardwareOtp, and this one is {kind}; remove \"otp\" or correct the kind.");
        }

        node.ExpectOnly("type", "algorithm", "digits", "periodSeconds", "secretBits");
        var type = node.Required("type").Enum<OtpKeyType>();
        var algorithm = node.Optional("algorithm")?.Enum<OtpAlgorithm>() ?? OtpAlgorithm.Sha1;
        var digits = Within(node.Optional("digits"), 1, 10, "a number of digits from 1 to 10 (6 is the default; 6 to 8 are acceptable)") ?? 6;
        var period = node.Optional("periodSeconds");
        if (period is { } p && type == OtpKeyType.Hotp)
        {
            throw p.Fail("applies only to \"type\": \"totp\"; an HOTP enrolment counts events, not time, so remove it.");
        }

        var seconds = Within(period, 1, 86_400, "the TOTP period in whole seconds from 1 to 86400 (30 is the default)") ?? 30;
        var bits = node.Required("secretBits");
        var secretBits = Within(bits, 8, int.MaxValue, "the decoded secret's length in bits, such as 160") ?? 0;
        if (secretBits % 8 != 0)
        {
            throw bits.Fail("is not a whole number of bytes; give the decoded secret's length in bits, a multiple of 8 such as 160.");
        }

        return new OtpEnrolment(type, algorithm, digits, TimeSpan.FromSeconds(seconds), secretBits);
    }

    private static int? Within(PostureJsonNode? node, int min, int max, string expected)
    {
        if (node is not { } n)
        {
            return null;
        }

        var value = n.Int32();
        return value < min || value > max ? throw n.Fail($"is out of range; expected {expected}.") : value;
    }

    // A posture file is kept, shared and printed: an OTP secret or key URI in it is a leaked second factor. The field
    // is refused by its name (or by an otpauth: value), and its value is never quoted back.
    private static void RefuseOtpSecret(PostureJsonNode node)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var (name, value) in node.Properties())
        {
            var named = SecretFieldNames.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            var uri = value.Kind == JsonValueKind.String && value.Tree.Text is { } text && text.TrimStart().StartsWith("otpauth:", StringComparison.OrdinalIgnoreCase);
            if (named || uri)
            {
                throw value.Fail($"holds an OTP secret or key URI; never put a secret in a posture file. Remove it and give the enrolment's parameters instead, such as {OtpShape} (OtpKeyUri.Enrolment derives them from a key URI).");
            }
        }
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using FsCheck.Fluent;
using LoginPosture.FsCheck;
using LoginPosture.Otp;
using LoginPosture.Posture;
using LoginPosture.SecondFactors;

namespace LoginPosture.Tests.Posture;

/// <summary>The <c>"otp"</c> field of an authenticator: read, refused when misplaced or secret, judged into OT findings.</summary>
public sealed class PostureOtpEnrolmentTests
{
    private static string Doc(string otp, string kind = "AuthenticatorApp", string extra = "") => $$"""
        {
          "asOf": "2026-11-20T14:45:00Z",
          "secondFactors": {
            "domains": [{ "name": "Pixel 8", "kind": "Device" }, { "name": "YubiKey 5C", "kind": "Device" }],
            "authenticators": [
              { "label": "YubiKey", "kind": "SecurityKey", "domains": ["YubiKey 5C"], "lastRehearsed": "2026-10-01T09:00:00Z" },
              { "label": "App", "kind": "{{kind}}", "domains": ["Pixel 8"], "lastRehearsed": "2026-11-19T21:10:00Z"{{extra}}, "otp": {{otp}} }
            ]
          }
        }
        """;

    [Fact]
    public void A_complete_enrolment_is_read_keyed_by_its_authenticator()
    {
        var snapshot = PostureSnapshot.Parse(Doc("""{"type": "totp", "algorithm": "SHA256", "digits": 8, "periodSeconds": 60, "secretBits": 256}"""));

        var enrolment = Assert.Single(snapshot.OtpEnrolments);
        Assert.Equal("App", enrolment.Key);
        Assert.Equal((OtpKeyType.Totp, OtpAlgorithm.Sha256, 8, TimeSpan.FromSeconds(60), 256), (enrolment.Value.Type, enrolment.Value.Algorithm, enrolment.Value.Digits, enrolment.Value.Period, enrolment.Value.SecretBits));
    }

    [Fact]
    public void Omitted_parameters_take_the_key_uri_defaults_and_hardware_otp_is_accepted()
    {
        var snapshot = PostureSnapshot.Parse(Doc("""{"type": "hotp", "secretBits": 160}""", kind: "HardwareOtp"));

        var enrolment = snapshot.OtpEnrolments["App"];
        Assert.Equal((OtpKeyType.Hotp, OtpAlgorithm.Sha1, 6, 160, OtpKeyIssues.None), (enrolment.Type, enrolment.Algorithm, enrolment.Digits, enrolment.SecretBits, enrolment.Issues));
        var totp = PostureSnapshot.Parse(Doc("""{"type": "totp", "secretBits": 160}""")).OtpEnrolments["App"];
        Assert.Equal((OtpAlgorithm.Sha1, 6, TimeSpan.FromSeconds(30), OtpKeyIssues.None), (totp.Algorithm, totp.Digits, totp.Period, totp.Issues));
    }

    [Theory]
    [InlineData("Sms")]
    [InlineData("SecurityKey")]
    [InlineData("PushWithNumberMatching")]
    public void An_enrolment_on_a_kind_without_otp_is_refused_at_its_path(string kind)
    {
        var error = Assert.Throws<PostureFormatException>(() => PostureSnapshot.Parse(Doc("""{"type": "totp", "secretBits": 160}""", kind)));
        Assert.Equal("$.secondFactors.authenticators[1].otp", error.JsonPath);
        Assert.Contains("AuthenticatorApp or HardwareOtp", error.Problem, StringComparison.Ordinal);
        Assert.Contains(kind, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type": "totp", "digits": 0, "secretBits": 160}""", "digits", "out of range")]
    [InlineData("""{"type": "totp", "digits": 11, "secretBits": 160}""", "digits", "out of range")]
    [InlineData("""{"type": "totp", "digits": "6", "secretBits": 160}""", "digits", "whole number")]
    [InlineData("""{"type": "totp", "periodSeconds": 0, "secretBits": 160}""", "periodSeconds", "out of range")]
    [InlineData("""{"type": "totp", "periodSeconds": 30.5, "secretBits": 160}""", "periodSeconds", "fraction")]
    [InlineData("""{"type": "hotp", "periodSeconds": 30, "secretBits": 160}""", "periodSeconds", "only to \"type\": \"totp\"")]
    [InlineData("""{"type": "totp", "secretBits": 4}""", "secretBits", "out of range")]
    [InlineData("""{"type": "totp", "secretBits": 130}""", "secretBits", "multiple of 8")]
    [InlineData("""{"type": "totp"}""", "secretBits", "missing")]
    [InlineData("""{"type": "motp", "secretBits": 160}""", "type", "OtpKeyType")]
    [InlineData("""{"secretBits": 160}""", "type", "missing")]
    [InlineData("""{"type": "totp", "algorithm": "MD5", "secretBits": 160}""", "algorithm", "OtpAlgorithm")]
    [InlineData("""{"type": "totp", "secretbits": 160}""", "secretbits", "case-sensitive")]
    public void A_bad_value_is_refused_at_its_field_with_the_fix(string otp, string field, string fix)
    {
        var error = Assert.Throws<PostureFormatException>(() => PostureSnapshot.Parse(Doc(otp)));
        Assert.Equal("$.secondFactors.authenticators[1].otp." + field, error.JsonPath);
        Assert.Contains(fix, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("otp", "secret")]
    [InlineData("otp", "Secret")]
    [InlineData("otp", "uri")]
    [InlineData("otp", "label")]
    [InlineData("authenticator", "secret")]
    [InlineData("authenticator", "uri")]
    public void A_secret_or_key_uri_is_refused_without_being_echoed(string where, string field)
    {
        var secret = TestSecretText();
        var value = field == "label" ? "otpauth" + "://totp/x?" + "secret=" + secret : field == "uri" ? "otpauth" + "://totp/Example:alice?" + "secret=" + secret : secret;
        var json = where == "otp"
            ? Doc($$"""{"type": "totp", "secretBits": 160, "{{field}}": "{{value}}"}""")
            : Doc("""{"type": "totp", "secretBits": 160}""", extra: $$""", "{{field}}": "{{value}}" """);

        var error = Assert.Throws<PostureFormatException>(() => PostureSnapshot.Parse(json));
        Assert.Equal($"$.secondFactors.authenticators[1]{(where == "otp" ? ".otp" : "")}.{field}", error.JsonPath);
        Assert.Contains("never put a secret in a posture file", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80, 6, 30, "SHA1", new[] { "OT001" })]
    [InlineData(128, 6, 30, "SHA1", new[] { "OT002" })]
    [InlineData(160, 4, 30, "SHA1", new[] { "OT003", "OT007" })]
    [InlineData(160, 10, 30, "SHA1", new[] { "OT004", "OT007" })]
    [InlineData(160, 6, 90, "SHA1", new[] { "OT005", "OT007" })]
    [InlineData(160, 6, 300, "SHA1", new[] { "OT006", "OT007" })]
    [InlineData(160, 8, 30, "SHA256", new[] { "OT007" })]
    [InlineData(160, 6, 30, "SHA1", new string[0])]
    [InlineData(64, 4, 600, "SHA512", new[] { "OT001", "OT003", "OT006", "OT007" })]
    public void The_posture_raises_each_ot_finding_with_its_catalog_facts(int bits, int digits, int seconds, string algorithm, string[] ids)
    {
        var snapshot = PostureSnapshot.Parse(Doc($$"""{"type": "totp", "algorithm": "{{algorithm}}", "digits": {{digits}}, "periodSeconds": {{seconds}}, "secretBits": {{bits}}}"""));
        var report = new PostureEvaluator().Evaluate(snapshot);

        var raised = report.Findings.Where(f => f.Id.StartsWith("OT", StringComparison.Ordinal)).ToList();
        Assert.Equal(ids, raised.Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.All(raised, f =>
        {
            var rule = OtpFindings.All.Single(r => r.Id == f.Id);
            Assert.Equal((rule.Severity, rule.Layer, rule.Anchor, rule.Fix, rule.HelpUri), (f.Severity, f.Layer, f.Anchor, f.Fix, f.HelpUri));
            Assert.StartsWith("'App' ", f.Message, StringComparison.Ordinal);
        });
        Assert.Equal(report.Findings, report.Findings.Order(FindingOrder.Instance));
    }

    [Fact]
    public void The_json_report_carries_the_ot_findings_with_their_help_links()
    {
        var report = new PostureEvaluator().Evaluate(PostureSnapshot.Parse(Doc("""{"type": "totp", "digits": 4, "secretBits": 80}""")));
        using var json = JsonDocument.Parse(PostureReportJson.ToJson(report));

        var ot = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("id").GetString()!.StartsWith("OT", StringComparison.Ordinal)).ToList();
        Assert.Equal(["OT001", "OT003", "OT007"], ot.Select(f => f.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(ot, f => Assert.Equal(FindingRule.HelpRoot + f.GetProperty("id").GetString() + ".md", f.GetProperty("helpUri").GetString()));
    }

    [Fact]
    public void A_snapshot_built_in_code_must_key_enrolments_by_an_otp_authenticator()
    {
        var set = new SecondFactorSet(
            [new FailureDomain("Pixel 8", FailureDomainKind.Device)],
            [new Authenticator("SMS", AuthenticatorKind.Sms, ["Pixel 8"]), new Authenticator("App", AuthenticatorKind.AuthenticatorApp, ["Pixel 8"])]);
        var weak = new OtpEnrolment(OtpKeyType.Totp, OtpAlgorithm.Sha1, 6, TimeSpan.FromSeconds(30), 80);
        var evaluator = new PostureEvaluator();
        var asOf = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

        var report = evaluator.Evaluate(new PostureSnapshot { AsOf = asOf, SecondFactors = set, OtpEnrolments = ImmutableDictionary<string, OtpEnrolment>.Empty.Add("App", weak) });
        Assert.Contains(report.Findings, f => f.Id == OtpFindings.SecretBelow128Bits.Id);

        var onSms = Assert.Throws<ArgumentException>(() => evaluator.Evaluate(new PostureSnapshot { AsOf = asOf, SecondFactors = set, OtpEnrolments = ImmutableDictionary<string, OtpEnrolment>.Empty.Add("SMS", weak) }));
        Assert.Contains("OtpEnrolments['SMS']", onSms.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => evaluator.Evaluate(new PostureSnapshot { AsOf = asOf, SecondFactors = set, OtpEnrolments = ImmutableDictionary<string, OtpEnrolment>.Empty.Add("Nope", weak) }));
        Assert.Contains("no authenticator", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_snapshots_carry_enrolments_that_raise_every_ot_finding()
    {
        var evaluator = new PostureEvaluator();
        var raised = LoginPostureArbitraries.SnapshotGen.Sample(400, LoginPostureArbitraries.FixedSeed(), 50)
            .SelectMany(s => evaluator.Evaluate(s).Findings).Select(f => f.Id).Where(id => id.StartsWith("OT", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(OtpFindings.All.Select(r => r.Id), raised.Order(StringComparer.Ordinal));
    }

    // 32 base32 characters (160 bits), generated so that no file holds a format-valid secret.
    private static string TestSecretText() => LoginPosture.Tests.Otp.TestSecrets.Base32(LoginPosture.Tests.Otp.TestSecrets.Bytes(20, 42));
}

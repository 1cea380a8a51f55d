using System.Net;
using FsCheck;
using FsCheck.Xunit;
using LoginPosture.ApiKeys;
using LoginPosture.Posture;
using LoginPosture.SecondFactors;
using LoginPosture.Tests;
using LoginPosture.Tiers;

// Every [Property] in this assembly draws its inputs from Arbitraries.
[assembly: Properties(Arbitrary = [typeof(Arbitraries)])]

namespace LoginPosture.Tests;

/// <summary>
/// The test project's generators, one class registered for every <c>[Property]</c> in the assembly. The library's
/// types come from the shipped <see cref="LoginPostureArbitraries"/> (package LoginPosture.FsCheck), so the suite tests
/// the generators users get; generators for this project's own test types go here. A partial class, split by engine:
/// add an engine's generators as <c>Arbitraries.Engine.cs</c> in this folder.
/// </summary>
public static partial class Arbitraries
{
    /// <summary>See <see cref="LoginPostureArbitraries.Sessions"/>.</summary>
    public static Arbitrary<SessionContext> Sessions() => LoginPostureArbitraries.Sessions();

    /// <summary>See <see cref="LoginPostureArbitraries.Operations"/>.</summary>
    public static Arbitrary<Operation> Operations() => LoginPostureArbitraries.Operations();

    /// <summary>See <see cref="LoginPostureArbitraries.TierOptions"/>.</summary>
    public static Arbitrary<TierPolicyOptions> TierOptions() => LoginPostureArbitraries.TierOptions();

    /// <summary>See <see cref="LoginPostureArbitraries.SessionImprovements"/>.</summary>
    public static Arbitrary<SessionImprovement> SessionImprovements() => LoginPostureArbitraries.SessionImprovements();

    /// <summary>See <see cref="LoginPostureArbitraries.SecondFactorSets"/>.</summary>
    public static Arbitrary<SecondFactorSet> SecondFactorSets() => LoginPostureArbitraries.SecondFactorSets();

    /// <summary>See <see cref="LoginPostureArbitraries.ApiKeys"/>.</summary>
    public static Arbitrary<ApiKeyDescriptor> ApiKeys() => LoginPostureArbitraries.ApiKeys();

    /// <summary>See <see cref="LoginPostureArbitraries.Networks"/>.</summary>
    public static Arbitrary<IPNetwork> Networks() => LoginPostureArbitraries.Networks();

    /// <summary>See <see cref="LoginPostureArbitraries.FailureSignals"/>.</summary>
    public static Arbitrary<LoginPosture.Layers.FailureSignal> FailureSignals() => LoginPostureArbitraries.FailureSignals();

    /// <summary>See <see cref="LoginPostureArbitraries.Snapshots"/>.</summary>
    public static Arbitrary<PostureSnapshot> Snapshots() => LoginPostureArbitraries.Snapshots();

    /// <summary>See <see cref="LoginPostureArbitraries.PlatformKeys"/>.</summary>
    public static Arbitrary<PlatformKeyJson> PlatformKeys() => LoginPostureArbitraries.PlatformKeys();

    /// <summary>See <see cref="LoginPostureArbitraries.ClientPortalStatuses"/>.</summary>
    public static Arbitrary<ClientPortalStatusJson> ClientPortalStatuses() => LoginPostureArbitraries.ClientPortalStatuses();

    /// <summary>See <see cref="LoginPostureArbitraries.IbkrSettings"/>.</summary>
    public static Arbitrary<IbkrApiSettings> IbkrSettings() => LoginPostureArbitraries.IbkrSettings();

    /// <summary>See <see cref="LoginPostureArbitraries.OtpKeyUris"/>.</summary>
    public static Arbitrary<OtpKeyUriText> OtpKeyUris() => LoginPostureArbitraries.OtpKeyUris();

    /// <summary>See <see cref="LoginPostureArbitraries.MalformedOtpKeyUris"/>.</summary>
    public static Arbitrary<MalformedOtpKeyUri> MalformedOtpKeyUris() => LoginPostureArbitraries.MalformedOtpKeyUris();

    /// <summary>See <see cref="LoginPostureArbitraries.RawLogLines"/>.</summary>
    public static Arbitrary<RawLogLine> RawLogLines() => LoginPostureArbitraries.RawLogLines();
}

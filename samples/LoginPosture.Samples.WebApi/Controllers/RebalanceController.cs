using LoginPosture.AspNetCore;
using LoginPosture.Tiers;
using Microsoft.AspNetCore.Mvc;

namespace LoginPosture.Samples.WebApi.Controllers;

/// <summary>A controller action under the tier policy through the attribute: rebalancing is tier 2, tier 1 when large.</summary>
[ApiController]
[Route("rebalance")]
public sealed class RebalanceController : ControllerBase
{
    [HttpPost]
    [RequireOperation(OperationKind.Rebalance, NotionalFrom = "amount")]
    public IActionResult Rebalance([FromQuery] decimal amount) => Accepted(new { amount, status = "rebalance scheduled" });
}

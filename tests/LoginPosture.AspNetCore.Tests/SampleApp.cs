using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using LoginPosture.AspNetCore;
using LoginPosture.Samples.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoginPosture.AspNetCore.Tests;

/// <summary>
/// The WebApi sample in an in-memory server. The test server has no socket, so a startup filter gives each request
/// a remote address: the <see cref="RemoteAddressHeader"/> value, else loopback (the sample's known proxy).
/// </summary>
public sealed class SampleApp : WebApplicationFactory<Program>
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    public ConcurrentQueue<LogRecord> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging
            .AddProvider(new CapturingLoggerProvider(Logs))
            .AddFilter<CapturingLoggerProvider>("LoginPosture", LogLevel.Debug));
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFilter>());
    }

    public DemoTokens Tokens => Services.GetRequiredService<DemoTokens>();

    /// <summary>Sends a request with a bearer token (none when null) and optional headers.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, params (string Name, string Value)[] headers)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(RemoteAddressHeader, out var value)
                    ? IPAddress.Parse(value.ToString())
                    : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed record LogRecord(string Category, LogLevel Level, EventId EventId, IReadOnlyList<KeyValuePair<string, object?>> State);

internal sealed class CapturingLoggerProvider(ConcurrentQueue<LogRecord> records) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, records);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category.StartsWith("LoginPosture", StringComparison.Ordinal))
            {
                var fields = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
                records.Enqueue(new LogRecord(category, logLevel, eventId, [.. fields]));
            }
        }
    }
}

/// <summary>Collects the decision counter's measurements from one application's meter factory.</summary>
internal sealed class DecisionCounter : IDisposable
{
    private readonly MeterListener _listener = new();

    public DecisionCounter(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OperationDecisionTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)
                && instrument.Name == OperationDecisionTelemetry.DecisionCounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var map = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value?.ToString();
            }

            Measurements.Enqueue((value, map));
        });
        _listener.Start();
    }

    public ConcurrentQueue<(long Value, Dictionary<string, string?> Tags)> Measurements { get; } = new();

    public void Dispose() => _listener.Dispose();
}

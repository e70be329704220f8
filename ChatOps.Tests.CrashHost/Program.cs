using ChatOps.History.Hosting;
using ChatOps.TcpEngine.Engine;
using ChatOps.TcpEngine.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The same wiring as a real host (AddChatEngine + AddChatHistory), configured from the command line
// (--Chat:Port=0 --Data:Path=...). Prints "port N" once listening, then serves until it is killed.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddCommandLine(args);
builder.Logging.ClearProviders();
builder.Services.AddChatEngine();
builder.Services.AddChatHistory();
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"port {host.Services.GetRequiredService<ChatServer>().Rooms[0].LocalEndPoint!.Port}");
await host.WaitForShutdownAsync();

using ChatOps.Web.Hosting;

// The dashboard and the TCP chat engine in one host; the wiring lives in Hosting/.
var builder = WebApplication.CreateBuilder(args);
builder.AddChatOpsWeb();

var app = builder.Build();
app.UseChatOpsWeb();
return await app.RunChatOpsAsync(args);

